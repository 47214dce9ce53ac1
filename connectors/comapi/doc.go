// Package comapi is a read-only client of jefacture.com V1's file-export API
// ("comapi"): the cabinet's client companies (GET /enterprise) and each
// company's invoice files per folder (GET /invoice/{siren}/{AP|AR}/{Transfer|Archived}),
// each file fetched from its downloadurl.
//
// The contract comes from public client code, not from an official
// document, and may change. The client is therefore strict: any status other
// than 2xx, any answer that is not a JSON array of the known objects (unknown
// fields, wrong types, missing fields, an invalid SIREN, a file name that is
// a path) is an error with a French message naming the call, the entry and
// the field. Answers, lists and downloads are bounded (Config). The HTTP
// side is connectors/httpapi/transport's, with its header authentication
// (X-SOFTWARE-ID, X-API-KEY instead of a token) and its status-only error
// mapping: retries, timeouts, jitter, the Retry-After cap, refused
// redirects and the loopback-only rule for plain http:// exist once. The
// key is sent only to the API's own host and never printed. Every string
// is sanitised where it enters.
//
// Count and DownloadArchive build on the port (connectors.V1Files):
// per-folder counts kept as evidence, and a company's archive written to a
// folder with a manifest (name, size, SHA-256), each file written with
// checklist/atomicfile (the one file writer). The sandbox serves the same
// paths (httpapi.ServerOptions.Files), so tests run over real HTTP.
package comapi
