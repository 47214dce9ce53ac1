package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// IsLoopbackHost reports whether host (a name or an IP, without port, IPv6
// with or without brackets) designates this machine: 127.0.0.0/8, ::1 or
// "localhost" (and its subdomains, which resolvers must map to loopback,
// RFC 6761). Other names are not resolved: a name that resolves to 127.0.0.1
// today may not tomorrow.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if i := strings.IndexByte(h, '%'); i >= 0 { // zone: fe80::1%eth0
		h = h[:i]
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// ListenOptions tunes Listen and ListenAndServe.
type ListenOptions struct {
	// AllowRemote lets the server bind a non-loopback address. The sandbox
	// accepts any client id holding the configured secret and injects
	// faults on demand: exposing it on a network must be a deliberate act.
	AllowRemote bool
}

// Listen opens a TCP listener on addr ("127.0.0.1:8080"; an empty addr
// means "127.0.0.1:0", a free loopback port). An address that is not
// loopback, including one with an empty host (":8080", every interface), is
// refused unless opts.AllowRemote.
func Listen(addr string, opts ListenOptions) (net.Listener, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, &listenError{
			french:  fmt.Sprintf("adresse d'écoute %q invalide (attendu hôte:port, par exemple 127.0.0.1:8080) : %v", addr, err),
			english: fmt.Sprintf("listen address %q invalid (expected host:port, for example 127.0.0.1:8080): %v", addr, err), err: err}
	}
	if !opts.AllowRemote && !IsLoopbackHost(host) {
		return nil, &listenError{
			french:  fmt.Sprintf("adresse d'écoute %q refusée : le bac à sable n'écoute que sur la machine locale (127.0.0.1, ::1, localhost) sauf autorisation explicite (AllowRemote)", addr),
			english: fmt.Sprintf("listen address %q refused: the sandbox listens on the local machine only (127.0.0.1, ::1, localhost) unless explicitly allowed (AllowRemote)", addr)}
	}
	return net.Listen("tcp", addr)
}

// Serve serves h on ln until ctx is done, then shuts down gracefully (at
// most 5 s for requests in flight). It returns nil after a shutdown asked
// by ctx, or the error that stopped the server.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second, // slowloris
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// ListenAndServe is Listen then Serve: what `bascule sandbox serve` runs.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, opts ListenOptions) error {
	ln, err := Listen(addr, opts)
	if err != nil {
		return err
	}
	return Serve(ctx, ln, h)
}

// listenError is an address Listen refuses, in both languages: the command
// shows English() with --lang en.
type listenError struct {
	french, english string
	err             error
}

func (e *listenError) Error() string   { return e.french }
func (e *listenError) English() string { return e.english }
func (e *listenError) Unwrap() error   { return e.err }
