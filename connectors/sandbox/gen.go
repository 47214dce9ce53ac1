package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// The demo cabinet. Its SIREN is a real, valid one used in the guide's
// examples; the names are invented.
const (
	CabinetSIREN = "552008443"
	CabinetName  = "Cabinet Martin & Associés"
	ManagerEmail = "claire.martin@cabinet-martin.fr"
	// CabinetDossierID is the V1 identifier under which ClientSnapshot
	// returns the cabinet's own dossier (its invoices, archives…), which §4
	// says migrates. It is not listed by ListClients.
	CabinetDossierID = connectors.SpaceCabinet
)

// dossier is one company as V1 holds it. Strings are stored raw (hostile
// when Options.Hostile is set) and sanitised on the way out.
type dossier struct {
	snap     connectors.V1Snapshot
	logoData []byte
}

// world is everything New generates.
type world struct {
	cabinet       connectors.Cabinet
	collaborators []connectors.User
	integrations  []connectors.Integration
	own           *dossier
	clients       []*dossier
}

// hostileWrap returns name wrapped in one of several attacks that Sanitize
// must undo exactly: the clean name is what sanitising gives back.
func hostileWrap(r *rand.Rand, name string) string {
	switch r.IntN(6) {
	case 0:
		return "\x1b[2J\x1b[H" + name
	case 1:
		return "\x1b]8;;https://evil.example\x07" + name + "\x1b]8;;\x07"
	case 2:
		return "\u202e" + name + "\u202c"
	case 3:
		return name + "\x1b]52;c;cm0gLXJmIH4=\x07"
	case 4:
		return "\x1b[31m" + name + "\x1b[0m\x07"
	default:
		return "\x9b2J" + name + "\u2066\x00"
	}
}

// gen holds the generator's state while New runs.
type gen struct {
	r       *rand.Rand
	hostile bool
	sirens  map[string]bool
	// Word lists, built once per generation rather than once per draw.
	trades, surnames, firstNames, fancies, streets, roles, prefixes, plans []string
	cities                                                                 []city
	banks                                                                  []bank
	products                                                               []product
	problems                                                               []connectors.ArticleProblem
	firstSlugs, surnameSlugs, codes                                        []string
}

// maybeHostile wraps s for about one string in five when hostile names are on.
func (g *gen) maybeHostile(s string) string {
	if g.hostile && g.r.IntN(5) == 0 {
		return hostileWrap(g.r, s)
	}
	return s
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// companyName builds a plausible small-business name.
func (g *gen) companyName() string {
	t, s := pick(g.r, g.trades), pick(g.r, g.surnames)
	switch g.r.IntN(6) {
	case 0:
		return t + " " + s + " & Fils"
	case 1:
		return t + " " + s + " SARL"
	case 2:
		return t + " " + pick(g.r, g.fancies)
	case 3:
		return "SAS " + s + " " + t
	default:
		return t + " " + s
	}
}

// generate builds the cabinet. The draws happen in a fixed order, so the same
// seed always gives the same cabinet.
func generate(o Options) *world {
	n := o.Clients
	if n == 0 {
		n = DefaultClients
	}
	seed := uint64(o.Seed)
	g := &gen{
		r:       rand.New(rand.NewPCG(seed, seed^0x6a65666163747572)), // "jefactur"
		hostile: o.Hostile,
		sirens:  make(map[string]bool, n+1),

		trades: trades(), surnames: surnames(), firstNames: firstNames(), fancies: fancies(),
		streets: streets(), roles: companyRoles(), prefixes: numberingPrefixes(), plans: plans(),
		cities: cities(), banks: banks(), products: products(), problems: connectors.ArticleProblems(),
	}
	g.sirens[CabinetSIREN] = true
	g.firstSlugs = slugs(g.firstNames)
	g.surnameSlugs = slugs(g.surnames)
	g.codes = make([]string, 16)
	for i := range g.codes {
		g.codes[i] = "ART-" + pad(int64(i), 3)
	}
	w := &world{
		cabinet: connectors.Cabinet{SIREN: CabinetSIREN, LegalName: CabinetName,
			ManagerEmail: ManagerEmail, Address: "12 rue de la République, 69002 Lyon"},
	}
	w.collaborators = g.collaborators()
	w.integrations = []connectors.Integration{
		{Software: connectors.SoftwareMyUnisoft, Scope: connectors.SpaceCabinet,
			Fields: map[string]string{"mode": "cabinet", "societe": "Cabinet Martin"}},
		{Software: connectors.SoftwareACD, Scope: connectors.SpaceCabinet,
			Fields: map[string]string{"url": "https://isuite.cabinet-martin.fr", "cnx": "CNX-4821", "login": "cmartin"}},
	}

	own := &spec{name: CabinetName, siren: CabinetSIREN, status: connectors.StatusActive, city: city{"Lyon", "69002"}}
	w.own = g.dossier(CabinetDossierID, own)
	w.own.snap.Client.Street = "12 rue de la République"
	w.own.snap.Client.ContactEmail = ManagerEmail

	w.clients = make([]*dossier, n)
	for i := range n {
		sp := g.clientSpec(i, n)
		w.clients[i] = g.dossier("cli-"+pad(int64(i+1), 5), sp)
	}
	// ACD is shared per client file (DOMAIN.md), so its connection is scoped
	// to a client: the first active one, which every seed has.
	for _, d := range w.clients {
		if d.snap.Client.Status == connectors.StatusActive {
			w.integrations[1].Scope = d.snap.Client.SIREN
			break
		}
	}
	return w
}

func (g *gen) collaborators() []connectors.User {
	us := []connectors.User{
		{Email: ManagerEmail, FirstName: "Claire", LastName: "Martin",
			Roles: []string{connectors.RoleAdministrator, connectors.RoleAccountant}, Active: true},
		{Email: "julien.bernard@cabinet-martin.fr", FirstName: "Julien", LastName: "Bernard",
			Roles: []string{connectors.RoleClientManager}, Active: true},
		{Email: "sophie.leroy@cabinet-martin.fr", FirstName: "Sophie", LastName: "Leroy",
			Roles: []string{connectors.RoleAccountant}, Active: true},
		{Email: "nicolas.petit@cabinet-martin.fr", FirstName: "Nicolas", LastName: "Petit",
			Roles: []string{connectors.RoleAccountant, connectors.RoleClientManager}, Active: true},
		// Left the cabinet: listed so the user can decide not to invite them.
		{Email: "emilie.garnier@cabinet-martin.fr", FirstName: "Émilie", LastName: "Garnier",
			Roles: []string{connectors.RoleAccountant}, Active: false},
	}
	if g.hostile {
		us[3].LastName = hostileWrap(g.r, us[3].LastName)
	}
	return us
}

// spec is what decides a client's shape before its details are drawn.
type spec struct {
	name    string
	siren   string
	status  connectors.ClientStatus
	pending [2]int // purchases, sales
	payment bool
	city    city
}

// clientSpec decides name, status, pending invoices and payment services.
// The first dossiers are fixed so the demo always shows the same story
// (Boulangerie Lefèvre with pending invoices, an inactive dossier of each
// status); the rest is random: ~12 % inactive, ~30 % of active ones with
// pending invoices, ~25 % with payment services.
func (g *gen) clientSpec(i, n int) *spec {
	sp := &spec{name: g.companyName(), status: connectors.StatusActive, city: pick(g.r, g.cities)}
	if g.r.IntN(100) < 12 {
		sp.status = pick(g.r, []connectors.ClientStatus{connectors.StatusDraft, connectors.StatusCreated, connectors.StatusUpdated})
	}
	hasPending := g.r.IntN(100) < 30
	sp.payment = g.r.IntN(100) < 25
	switch {
	case i == 0:
		sp.name, sp.siren, sp.status, sp.city = "Boulangerie Lefèvre & Fils", "404833048", connectors.StatusActive, city{"Lyon", "69003"}
		hasPending, sp.payment = false, true
		sp.pending = [2]int{3, 1}
	case i == 1:
		sp.name, sp.siren, sp.status = "Café Le Zinc", "732829320", connectors.StatusActive
		hasPending = false
	case i == 2:
		sp.name, sp.status = "Garage Martin SARL", connectors.StatusActive
		hasPending = true
	case i >= 3 && i <= 5 && n >= 8:
		sp.status = []connectors.ClientStatus{connectors.StatusDraft, connectors.StatusCreated, connectors.StatusUpdated}[i-3]
	}
	if sp.siren != "" {
		g.sirens[sp.siren] = true
	} else {
		sp.siren = g.siren()
	}
	if hasPending {
		sp.pending = [2]int{g.r.IntN(6), g.r.IntN(4)}
		if sp.pending[0]+sp.pending[1] == 0 {
			sp.pending[0] = 1
		}
	}
	if sp.status != connectors.StatusActive {
		sp.pending, sp.payment = [2]int{}, false
	}
	return sp
}

// dossier draws every detail of one company.
func (g *gen) dossier(id string, sp *spec) *dossier {
	r := g.r
	dom := slug(sp.name)
	if len(dom) > 40 {
		dom = dom[:40]
	}
	dom = strings.Trim(dom, "-") + ".fr"
	first, last := pick(r, g.firstNames), pick(r, g.surnames)
	vat, _ := ident.VATFromSIREN(sp.siren) // the SIREN is valid by construction
	c := connectors.Client{
		ID: id, LegalName: g.maybeHostile(sp.name), SIREN: sp.siren, VAT: vat, Status: sp.status,
		ContactEmail: "contact@" + dom, ContactFirstName: g.maybeHostile(first), ContactLastName: last,
		Language: "fr-FR", Street: strconv.Itoa(1+r.IntN(120)) + " " + pick(r, g.streets),
		PostalCode: sp.city.postal, City: sp.city.name, Country: "FR", PaymentServices: sp.payment,
	}
	d := &dossier{snap: connectors.V1Snapshot{Client: c, Articles: []connectors.Article{},
		Users: []connectors.User{}, BankAccounts: []connectors.BankAccount{}, Statements: []connectors.Statement{}}}
	s := &d.snap
	if sp.status != connectors.StatusActive {
		// An inactive dossier was never put to use: a contact and nothing more.
		s.Users = append(s.Users, connectors.User{Email: slug(first) + "@" + dom, FirstName: first,
			LastName: last, Roles: []string{"Administrateur"}, Active: false})
		return d
	}
	s.Invoices = connectors.InvoiceCounts{
		Purchases: connectors.DirectionCounts{Pending: sp.pending[0], AcceptedPaid: 5 + r.IntN(300), AcceptedUnpaid: r.IntN(30)},
		Sales:     connectors.DirectionCounts{Pending: sp.pending[1], AcceptedPaid: 5 + r.IntN(200), AcceptedUnpaid: r.IntN(20)},
	}
	s.Archives.Documents = r.IntN(500)
	s.Partners = connectors.PartnerCounts{Customers: r.IntN(200), Suppliers: r.IntN(80)}
	s.ReceptionEmail = dom[:len(dom)-3] + "." + sp.siren + "@factures.jefacture.com"
	s.Subscription = connectors.Subscription{Plan: pick(r, g.plans)}
	s.Articles = g.articles(r.IntN(100) < 20)
	s.Users = g.users(dom, 1+r.IntN(3))
	if r.IntN(100) < 85 {
		s.Numbering = &connectors.Numbering{Prefix: pick(r, g.prefixes),
			LastNumber: 1 + r.IntN(2000), Padding: 3 + r.IntN(3)}
	}
	if r.IntN(100) < 70 || sp.payment {
		d.logoData = g.logo()
		sum := sha256.Sum256(d.logoData)
		s.Logo = &connectors.Logo{FileName: "logo-" + dom[:len(dom)-3] + ".png", MediaType: "image/png",
			SHA256: hex.EncodeToString(sum[:]), Size: int64(len(d.logoData))}
	}
	if r.IntN(100) < 80 || sp.payment {
		iban, bic := g.iban()
		s.BankAccounts = append(s.BankAccounts, connectors.BankAccount{IBAN: iban, BIC: bic, Holder: sp.name})
	}
	if sp.payment {
		s.PaymentAccount = true
		for range 1 + r.IntN(2) {
			iban, bic := g.iban()
			s.BankAccounts = append(s.BankAccounts, connectors.BankAccount{IBAN: iban, BIC: bic, Holder: sp.name, External: true})
		}
		// Quarterly statements of 2025 for the main account, from a random
		// quarter on: a fixed year keeps the data independent of the clock.
		for q := r.IntN(3); q < 4; q++ {
			start := time.Date(2025, time.Month(1+3*q), 1, 0, 0, 0, 0, time.UTC)
			s.Statements = append(s.Statements, connectors.Statement{AccountIBAN: s.BankAccounts[0].IBAN,
				PeriodStart: start, PeriodEnd: start.AddDate(0, 3, -1),
				FileName: "releve-2025-T" + strconv.Itoa(q+1) + ".pdf"})
		}
	}
	return d
}

func (g *gen) users(dom string, n int) []connectors.User {
	us := make([]connectors.User, 0, n)
	for range n {
		fi, li := g.r.IntN(len(g.firstNames)), g.r.IntN(len(g.surnames))
		email := g.firstSlugs[fi] + "." + g.surnameSlugs[li] + "@" + dom
		if slices.ContainsFunc(us, func(u connectors.User) bool { return u.Email == email }) {
			continue
		}
		rs := []string{pick(g.r, g.roles)}
		if g.r.IntN(3) == 0 { // several roles
			if extra := pick(g.r, g.roles); extra != rs[0] {
				rs = append(rs, extra)
			}
		}
		us = append(us, connectors.User{Email: email, FirstName: g.firstNames[fi], LastName: g.maybeHostile(g.surnames[li]),
			Roles: rs, Active: g.r.IntN(10) != 0})
	}
	return us
}

func slugs(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = slug(n)
	}
	return out
}

// articles draws a catalogue; with problems, one to three articles are
// broken in the ways V1 lets them be.
func (g *gen) articles(withProblems bool) []connectors.Article {
	ps := g.products
	n := 3 + g.r.IntN(12)
	as := make([]connectors.Article, n)
	for i := range as {
		p := pick(g.r, ps)
		as[i] = connectors.Article{Code: g.codes[i+1], Label: g.maybeHostile(p.label),
			UnitPrice: p.price, VATRate: p.vat, Unit: p.unit}
	}
	if !withProblems {
		return as
	}
	probs := g.problems
	for range 1 + g.r.IntN(3) {
		i := g.r.IntN(n)
		a := &as[i]
		if len(a.Problems) > 0 {
			continue
		}
		pb := pick(g.r, probs)
		switch pb {
		case connectors.ProblemMissingVATRate:
			a.VATRate = ""
		case connectors.ProblemInvalidVATRate:
			a.VATRate = "19.6" // the rate before 2014
		case connectors.ProblemZeroPrice:
			a.UnitPrice = "0.00"
		case connectors.ProblemMissingLabel:
			a.Label = ""
		case connectors.ProblemMissingCode:
			a.Code = ""
		case connectors.ProblemDuplicateCode:
			if i == 0 {
				pb, a.VATRate = connectors.ProblemInvalidVATRate, "19.6"
			} else {
				a.Code = as[i-1].Code
			}
		case connectors.ProblemObsoleteUnit:
			a.Unit = "quintal"
		}
		a.Problems = []connectors.ArticleProblem{pb}
	}
	return as
}

// logo returns small deterministic bytes that start like a PNG file.
func (g *gen) logo() []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	for range 24 + g.r.IntN(40) {
		b = append(b, byte(g.r.IntN(256)))
	}
	return b
}

// fixArticles repairs a catalogue the way a user would on V1.
func fixArticles(as []connectors.Article) {
	codes := map[string]bool{}
	for i := range as {
		a := &as[i]
		if a.Code == "" || codes[a.Code] {
			a.Code = "ART-" + pad(int64(900+i), 3)
		}
		codes[a.Code] = true
		if a.Label == "" {
			a.Label = "Article " + a.Code
		}
		if a.VATRate == "" || a.VATRate == "19.6" {
			a.VATRate = "20.0"
		}
		if a.UnitPrice == "0.00" {
			a.UnitPrice = "10.00"
		}
		if a.Unit == "quintal" {
			a.Unit = "kg"
		}
		a.Problems = nil
	}
}
