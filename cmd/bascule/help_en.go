package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/connectors/comapi"
)

// The command and flag descriptions are written in French where each
// command is defined; these are their English versions, shown with
// --lang en. A command or flag missing here keeps its French text.

// commandTextEN is the English Short and Long of a command, by path.
func commandTextEN() map[string][2]string {
	return map[string][2]string{
		"bascule": {"jefacture.com V1 → V2 migration assistant for accounting firms",
			"bascule takes an accounting firm and each of its client companies through the\nmigration from jefacture.com V1 to the approved platform jefacture.com V2.\n\nWithout a subcommand, bascule starts the interactive wizard."},
		"bascule backup":          {"Back up the database now (the last 5 backups are kept)", ""},
		"bascule clients":         {"Client files: adapt the V1 export to the V2 import template (§3.4)", ""},
		"bascule clients convert": {"Adapt V1's export of inactive clients to V2's import file", ""},
		"bascule doctor":          {"Check the database and list the backups", ""},
		"bascule export":          {"Export a workspace to a JSON file (hand-over)", ""},
		"bascule import":          {"Import a workspace exported by \"bascule export\"", ""},
		"bascule notify": {"Prepare one e-mail (.eml) per client announcing the migration (§3.2)",
			"Writes into DIR/<workspace>/ one .eml message per client, announcing the migration and\nsaying what the client must do before it (invoices to accept, articles, logo, users,\nnumbering; IBANs and statements for payment-services clients).\nThe messages open in any mail program, which sends them.\nSender: the firm, at its manager's e-mail, or --from (\"address\" or \"Name <address>\").\nRecipient: the client's contact when V1 gives it. One file per client, named from its id.\nFolder created 0700, files 0600."},
		"bascule purge":   {"Erase a workspace, or one client's personal data", ""},
		"bascule report":  {"Migration report: §4 summary of the firm and each client, blockers, overrides, audit", "Writes the end-of-session report: the guide's summary (§4) for the firm and for each\nclient, progress, what blocks the migration request, overrides with their reason and\nthe log of changes since --since.\nFormats: md (Markdown), html (one self-contained file, printable on A4),\ncsv (UTF-8 with BOM and \";\", for French Excel) and json.\nIBANs are masked unless --reveal. The file is created 0600."},
		"bascule restore": {"Restore the database from a backup (the newest by default)", ""},
		"bascule sandbox": {"Simulated jefacture.com V1 + V2 platform (demo, training, tests)", ""},
		"bascule sandbox serve": {"Serve the simulated platform over HTTP, with fault injection",
			"Serves the demo firm (V1 and V2) following bascule's HTTP contract, for training and\nto test API mode. Listens on the local interface only, unless --allow-remote.\nOAuth2 credentials: client_id \"bascule\", secret \"sandbox\".\nThe --rate-* flags inject faults (shares from 0 to 1). Ctrl-C stops the server."},
		"bascule clients refresh": {"Update the client files from V1's client list",
			"Reads V1's client list, creates a file for each client that appeared since, updates the\nname, SIREN and payment option of those that changed, and lists those no longer on V1:\ntheir file and the work done are kept, nothing is deleted. --source v1 (default, demo or\nAPI mode) keeps active clients only; --source comapi reads the file-export API (see\n\"bascule v1files --help\"), which does not say whether a client is active: every\ncompany listed becomes a file, matched to existing files by SIREN."},
		"bascule completion":            {"Shell completion script", ""},
		"bascule completion bash":       {"Completion script for bash", "Writes bascule's completion script for bash to standard output.\nExample: bascule completion bash > file, then load that file from the shell's configuration."},
		"bascule completion fish":       {"Completion script for fish", "Writes bascule's completion script for fish to standard output.\nExample: bascule completion fish > file, then load that file from the shell's configuration."},
		"bascule completion powershell": {"Completion script for powershell", "Writes bascule's completion script for powershell to standard output.\nExample: bascule completion powershell > file, then load that file from the shell's configuration."},
		"bascule completion zsh":        {"Completion script for zsh", "Writes bascule's completion script for zsh to standard output.\nExample: bascule completion zsh > file, then load that file from the shell's configuration."},
		"bascule v1files": {"V1's file-export API (comapi): clients, counts, download",
			"Reads V1's file-export API (\"comapi\"), known from public client code and not from an\nofficial document: it may change. Address: --url or " + envComapiURL + "\n(default " + comapiDefaultURL + ", test platform " + comapiTestURL + ");\nsoftware id: --software-id or " + envComapiSoftwareID + "; API key: " + envComapiKey + "\nor sealed in the workspace (" + secretComapiKey + ", opened with " + envPassphrase + ").\nIn the demo, the simulated platform answers without configuration."},
		"bascule v1files clients": {"List the client companies the API sees and compare them with the files", ""},
		"bascule v1files count": {"Count each client's files per folder (AP/AR × Transfer/Archived) and keep them as evidence",
			"Counts, for each client file (or the one of --client), V1's files per folder\nAP/AR × Transfer/Archived, and records them in the evidence of the \"pending invoices\"\nstep: the archived count is V1's side of the §3.3 check when nothing else noted it.\nRun it before the switch, after \"bascule sweep\" (which replaces that evidence).\nProgress on standard error; exit 1 if a client failed."},
		"bascule v1files download": {"Download a client's whole history into a folder, with a manifest (name, size, SHA-256)", ""},
		"bascule v1files key": {"Seal the V1 export API key in the workspace",
			"Reads the API key (X-API-KEY) from standard input (typed without echo at a terminal,\nor the first line of a pipe) and seals it in the workspace under the passphrase\nBASCULE_PASSPHRASE (the same as for the other credentials). The key is never shown."},
		"bascule serve": {"Serve the wizard to the team over SSH (team mode)",
			"Serves the wizard over SSH to each team member (bascule team add): a session with a\n" +
				"terminal opens the full wizard (without one: the accessible mode's line prompts),\n" +
				"a session with a command runs it\n" +
				"(ssh -p 2222 localhost status --json). One process holds the database; every change\n" +
				"is recorded under the name of the member whose key opened the session.\n" +
				"Listens on the local machine only, unless --allow-remote. The host key is created on\n" +
				"first start beside the database (0600). Ctrl-C stops the server and closes the database."},
		"bascule team":        {"Team of the server mode: members, SSH public keys, roles and portfolios", ""},
		"bascule team add":    {"Add a team member with his SSH public key", "Adds a member to the workspace's team: he connects to \"bascule serve\" with the private key\nmatching the public key given (never a password).\nRoles: admin (sees and does everything), collaborateur (does the client steps of his\nportfolio, sees the rest), entreprise (sees only his company's file)."},
		"bascule team list":   {"List the team: role, key fingerprint, portfolio size", ""},
		"bascule team remove": {"Remove a team member (his key no longer opens the server)", ""},
		"bascule team assign": {"Add clients to a member's portfolio", "Adds clients to a member's portfolio: --client (repeatable) or --from, a file with one\nclient id (or SIREN) per line, blank lines and lines starting with # skipped.\nWith --replace, these clients become the whole portfolio."},
		"bascule status":      {"Where the migration stands: phases, progress, blockers, next step, due date", ""},
		"bascule step":        {"List the guide's steps or change a step's status (for scripts)", ""},
		"bascule step list":   {"Every step with its id, phase, scope, guide section and status", ""},
		"bascule step set": {"Change a step's status, with the wizard's rules",
			"Changes a step's status for the firm (SCOPE = cabinet) or for a client\n(SCOPE = client or payment, with --client). STEP is the step's id (bascule step list)\nor its last part. Statuses: todo, in_progress, done, blocked and not_applicable\n(the last two need --reason).\nThe guide's gates apply: a refused step prints what blocks (exit 1)."},
		"bascule sweep": {"Check every client on V1: pending invoices and article base (§2)",
			"Asks V1 about each client (invoices awaiting acceptance, invalid articles) and records\nthe result as evidence on the matching steps. Progress goes to standard error, the\nresult per client to standard output, each line once it is saved. A failed client does\nnot stop the others; the exit code is 1 if at least one client failed."},
	}
}

// flagTextEN is the English usage of a flag, by "command path --name"; the
// global flags are under "bascule".
func flagTextEN() map[string]string {
	return map[string]string{
		"bascule --accessible":                            "accessible mode: line-by-line questions, no full screen",
		"bascule --db":                                    "database file (else $BASCULE_DB, else the user's data folder)",
		"bascule --demo":                                  "act on the demo workspace (the one that exists, else created)",
		"bascule --demo-clients":                          "size of the demo firm (implies --demo; 40 by default, up to 12000)",
		"bascule --lang":                                  "language of messages: fr or en (by default from LANG)",
		"bascule --workspace":                             "workspace (firm) to act on",
		"bascule --demo-delay":                            "delay of the simulated migration in the demo",
		"bascule --version":                               "show bascule's version",
		"bascule clients convert --from":                  "V1 clients export (.csv or .xlsx)",
		"bascule clients convert --include-active":        "keep the active clients too",
		"bascule clients convert --map":                   "map a column to a field: COLUMN=FIELD (repeatable)",
		"bascule clients convert --max-rows":              "rows per import file at most",
		"bascule clients convert --to":                    "V2 import file to write (.xlsx or .csv), or a folder",
		"bascule clients refresh --software-id":           "with --source comapi: software id (default BASCULE_COMAPI_SOFTWARE_ID)",
		"bascule clients refresh --source":                "client list: v1 (V1 port, active clients) or comapi (file-export API)",
		"bascule clients refresh --url":                   "with --source comapi: API address (default BASCULE_COMAPI_URL)",
		"bascule completion bash --no-descriptions":       "without the completions' descriptions",
		"bascule completion fish --no-descriptions":       "without the completions' descriptions",
		"bascule completion powershell --no-descriptions": "without the completions' descriptions",
		"bascule completion zsh --no-descriptions":        "without the completions' descriptions",
		"bascule export --output":                         "file to write (else standard output)",
		"bascule export --with-secrets":                   "include the credentials (still sealed)",
		"bascule import --drop-secrets":                   "with --replace: do not keep the sealed credentials of the replaced workspace",
		"bascule import --rename-to":                      "import under this id",
		"bascule import --replace":                        "replace the workspace with the same id",
		"bascule purge --client":                          "erase only this client's personal data (id or SIREN)",
		"bascule purge --yes":                             "do not ask for confirmation (scripts)",
		"bascule report --fiches":                         "per-client migration fiches (html): all, or ids / SIRENs separated by commas",
		"bascule step list --reveal":                      "show captured IBANs in full",
		"bascule v1files --software-id":                   "software id X-SOFTWARE-ID (default BASCULE_COMAPI_SOFTWARE_ID)",
		"bascule v1files --url":                           "API address (default BASCULE_COMAPI_URL or " + comapiDefaultURL + ")",
		"bascule v1files count --client":                  "client file id (default: all)",
		"bascule v1files download --client":               "client file id",
		"bascule v1files download --out":                  "destination folder (created 0700)",
		"bascule notify --from":                           "sender: address or \"Name <address>\" (by default the firm, at its manager's e-mail)",
		"bascule notify --out":                            "folder to write the messages into (one sub-folder per workspace)",
		"bascule report --format":                         "format: md, html, csv or json",
		"bascule report --output":                         "file to write (else standard output)",
		"bascule report --reveal":                         "show IBANs in full (confidential document)",
		"bascule report --since":                          "log since: date (2026-03-02, 02/03/2026), RFC 3339 date-time or duration (3h)",
		"bascule serve --addr":                            "listening address host:port",
		"bascule serve --allow-remote":                    "accept a non-local address (the firm's network, at your own risk)",
		"bascule serve --idle-timeout":                    "close a session left without a keystroke this long",
		"bascule serve --max-sessions":                    "at most this many sessions at once per key",
		"bascule team add --key":                          "the member's SSH public key file (authorized_keys format, .pub; -: standard input)",
		"bascule team add --role":                         "role: admin, collaborateur or entreprise",
		"bascule team add --client":                       "client of the portfolio (id or SIREN), repeatable",
		"bascule team list --json":                        "JSON output (English snake_case keys)",
		"bascule team assign --client":                    "client to add (id or SIREN), repeatable",
		"bascule team assign --from":                      "file of client ids, one per line (-: standard input)",
		"bascule team assign --replace":                   "replace the whole portfolio instead of adding",
		"bascule status --json":                           "JSON output (English snake_case keys)",
		"bascule step list --client":                      "statuses for this client (id or SIREN)",
		"bascule step list --json":                        "JSON output (English snake_case keys)",
		"bascule step list --scope":                       "list only this scope: cabinet, client or payment",
		"bascule step set --client":                       "the client (id or SIREN), for client and payment steps",
		"bascule step set --note":                         "free note recorded with the step",
		"bascule step set --reason":                       "reason (required for blocked and not_applicable; for done, the reason of an override)",
		"bascule step set --status":                       "new status: todo, in_progress, done, blocked, not_applicable",
		"bascule sweep --concurrency":                     "clients asked at the same time (default 16)",
		"bascule sandbox serve --addr":                    "listen address (port 0: a free port)",
		"bascule sandbox serve --allow-remote":            "accept a non-local address (at your own risk)",
		"bascule sandbox serve --clients":                 "number of simulated clients",
		"bascule sandbox serve --drop-conn":               "share of connections cut without an answer",
		"bascule sandbox serve --hostile":                 "trapped names (escape sequences, controls, bidi)",
		"bascule sandbox serve --latency":                 "latency added to each request (e.g. 20ms)",
		"bascule sandbox serve --malformed":               "share of answers with truncated JSON",
		"bascule sandbox serve --migration-delay":         "delay before the migration request succeeds",
		"bascule sandbox serve --rate-429":                "share of requests refused with 429 and Retry-After",
		"bascule sandbox serve --rate-5xx":                "share of requests failing with 503",
		"bascule sandbox serve --seed":                    "seed of the simulated firm (same seed, same firm)",
	}
}

// englishTexts puts the English descriptions on c and its flags.
func englishTexts(c *cobra.Command) {
	if t, ok := commandTextEN()[c.CommandPath()]; ok {
		c.Short = t[0]
		c.Long = t[1]
	}
	for key, usage := range flagTextEN() {
		path, name, _ := strings.Cut(key, " --")
		if path != c.CommandPath() {
			continue
		}
		if f := c.LocalFlags().Lookup(name); f != nil {
			f.Usage = usage
		} else if f := c.PersistentFlags().Lookup(name); f != nil {
			f.Usage = usage
		}
	}
}

// The comapi addresses, as the French help gives them.
const (
	comapiDefaultURL = comapi.DefaultBaseURL
	comapiTestURL    = comapi.TestBaseURL
)
