package transport

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// plainHTTPAllowed reports whether a base URL's host may be spoken to in
// clear: a literal loopback address (127.0.0.0/8, ::1, or an IPv4-mapped
// form of them) or the exact name "localhost". No other name qualifies,
// not even "*.localhost": those names go through the network's resolver,
// which may answer with any address, and the bearer token would then leave
// the machine in clear.
func plainHTTPAllowed(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	// netip refuses the short and hexadecimal IPv4 forms ("127.1",
	// "0x7f.0.0.1") that some resolvers would expand; a zone is refused too,
	// it names an interface rather than an address.
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Zone() == "" && ip.Unmap().IsLoopback()
}

// dialFunc is the signature of net.Dialer.DialContext.
type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// localDialer dials "localhost" as 127.0.0.1, then ::1, without asking any
// resolver: /etc/hosts or DNS could map the name elsewhere, and a plain
// http:// request to it was allowed only because it stays on this machine.
// Every other address goes to dial unchanged.
func localDialer(dial dialFunc) dialFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil || !strings.EqualFold(host, "localhost") {
			return dial(ctx, network, addr)
		}
		conn, err := dial(ctx, network, net.JoinHostPort("127.0.0.1", port))
		if err == nil {
			return conn, nil
		}
		if conn6, err6 := dial(ctx, network, net.JoinHostPort("::1", port)); err6 == nil {
			return conn6, nil
		}
		return nil, err
	}
}

// newTransport is http.DefaultTransport's tuning with bounded phases and
// enough idle connections per host for a concurrent sweep.
func newTransport(timeout time.Duration) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           localDialer((&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext),
		ForceAttemptHTTP2:     true,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		ExpectContinueTimeout: time.Second,
		MaxIdleConns:          128,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
	}
}

// netReason says in words why a connection failed, for the message people
// read: the Go error itself ("dial tcp 10.0.0.1:443: connect: connection
// refused") stays out of it.
func netReason(err error) (string, string) {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var rec tls.RecordHeaderError
	switch {
	case errors.As(err, &dns):
		return " (nom d'hôte introuvable : vérifiez l'adresse de la plateforme)", " (host name not found: check the platform address)"
	case errors.Is(err, syscall.ECONNREFUSED):
		return " (connexion refusée : la plateforme n'écoute pas à cette adresse)", " (connection refused: nothing listens at that address)"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return " (connexion coupée par la plateforme ou le réseau)", " (connection cut by the platform or the network)"
	case errors.As(err, &cert):
		return " (certificat TLS de la plateforme refusé)", " (the platform's TLS certificate was refused)"
	case errors.As(err, &rec):
		return " (la plateforme ne parle pas HTTPS à cette adresse)", " (the platform does not speak HTTPS at that address)"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return " (réseau injoignable)", " (network unreachable)"
	}
	return "", ""
}
