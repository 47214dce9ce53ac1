package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// v2 is the V2 port over a Platform.
type v2 struct{ p *Platform }

func (v v2) Registration(ctx context.Context) (connectors.RegistrationStatus, error) {
	if err := cancelled(ctx, "v2.Registration"); err != nil {
		return connectors.RegistrationStatus{}, err
	}
	v.p.mu.Lock()
	defer v.p.mu.Unlock()
	v.p.tick()
	out := v.p.reg
	out.Sanitize()
	return out, nil
}

func (v v2) SubmitMigration(ctx context.Context, req connectors.MigrationSubmission) (connectors.MigrationRequest, error) {
	const op = "v2.SubmitMigration"
	if err := cancelled(ctx, op); err != nil {
		return connectors.MigrationRequest{}, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	if _, again, err := p.replay(op, req.IdempotencyKey, req); err != nil {
		return connectors.MigrationRequest{}, err
	} else if again {
		return p.req.out, nil // the request as it stands now
	}
	if !p.reg.Complete() {
		return connectors.MigrationRequest{}, connectors.Invalid(op, "registration",
			"l'inscription du cabinet sur la nouvelle plateforme n'est pas terminée",
			"the cabinet's registration on the new platform is not complete")
	}
	if ident.NormalizeSIREN(connectors.Sanitize(req.CabinetSIREN)) != CabinetSIREN {
		return connectors.MigrationRequest{}, connectors.Invalid(op, "cabinet_siren",
			"ce SIREN n'est pas celui du cabinet inscrit", "this SIREN is not the registered cabinet's")
	}
	email := ident.NormalizeEmail(connectors.Sanitize(req.RequestedBy))
	if err := ident.ValidateEmail(email); err != nil {
		return connectors.MigrationRequest{}, invalidIdent(op, "requested_by", err)
	}
	if p.req != nil {
		return connectors.MigrationRequest{}, &connectors.Error{Op: op, Kind: connectors.ErrConflict,
			French:  "une demande de migration a déjà été envoyée (référence " + p.req.out.Reference + ")",
			English: "a migration request was already sent (reference " + p.req.out.Reference + ")"}
	}
	now := p.now()
	ref := strings.ToUpper(fingerprint([]any{p.opts.Seed, req.IdempotencyKey})[:8])
	p.req = &migration{sub: req, due: now.Add(p.opts.MigrationDelay), out: connectors.MigrationRequest{
		Reference: "MIG-" + ref, SubmittedAt: now, State: connectors.RequestSubmitted, AdminEmail: email,
		Message: "Demande reçue : une notification de succès sera envoyée sous 72 h (jours ouvrés).",
	}}
	p.req.sub.RequestedBy = email
	p.effects[op]++
	p.remember(op, req.IdempotencyKey, req, nil)
	return p.req.out, nil
}

func (v v2) MigrationStatus(ctx context.Context, reference string) (connectors.MigrationRequest, error) {
	const op = "v2.MigrationStatus"
	if err := cancelled(ctx, op); err != nil {
		return connectors.MigrationRequest{}, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	if p.req == nil || p.req.out.Reference != strings.TrimSpace(reference) {
		return connectors.MigrationRequest{}, notFound(op, "demande "+connectors.Sanitize(reference))
	}
	return p.req.out, nil
}

func (v v2) Inventory(ctx context.Context, clientSIREN string) (connectors.Inventory, error) {
	const op = "v2.Inventory"
	if err := cancelled(ctx, op); err != nil {
		return connectors.Inventory{}, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	sp, err := p.space(op, clientSIREN)
	if err != nil {
		return connectors.Inventory{}, err
	}
	out := copyInventory(sp.inv)
	out.FetchedAt = p.now()
	return out, nil
}

// spaceKey turns a space name (SpaceCabinet or a SIREN, spaced or not) into
// the SIREN the space is stored under: the cabinet's space is its SIREN.
func spaceKey(name string) string {
	name = connectors.Sanitize(name)
	if name == connectors.SpaceCabinet {
		return CabinetSIREN
	}
	return ident.NormalizeSIREN(name)
}

// space finds a V2 space. Callers hold p.mu.
func (p *Platform) space(op, name string) (*space, error) {
	k := spaceKey(name)
	if sp := p.spaces[k]; sp != nil {
		return sp, nil
	}
	return nil, &connectors.Error{Op: op, Kind: connectors.ErrNotFound, Field: "space",
		French: "aucun espace sur la nouvelle plateforme pour " + k, English: "no space on the new platform for " + k}
}

// write runs one idempotent write: a replay returns the first result, a new
// call needs the migration done, then fn changes the state and says whether
// it really did (for SideEffects).
func (p *Platform) write(ctx context.Context, op, key string, args any, fn func() (any, bool, error)) (any, error) {
	if err := cancelled(ctx, op); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	if res, again, err := p.replay(op, key, args); err != nil || again {
		return res, err
	}
	if !p.migrated {
		return nil, connectors.Invalid(op, "", "migration pas encore effectuée", "migration not done yet")
	}
	res, changed, err := fn()
	if err != nil {
		return nil, err
	}
	if changed {
		p.effects[op]++
	}
	p.remember(op, key, args, res)
	return res, nil
}

// invalidIdent turns an ident validation error into an ErrInvalid keeping
// its French and English messages.
func invalidIdent(op, field string, err error) *connectors.Error {
	en := err.Error()
	if e, ok := err.(interface{ English() string }); ok {
		en = e.English()
	}
	return connectors.Invalid(op, field, err.Error(), en)
}

func (v v2) InviteUser(ctx context.Context, spaceName string, u connectors.User, key string) (connectors.User, error) {
	const op = "v2.InviteUser"
	u = copyUsers([]connectors.User{u})[0]
	res, err := v.p.write(ctx, op, key, []any{spaceName, u}, func() (any, bool, error) {
		sp, err := v.p.space(op, spaceName)
		if err != nil {
			return nil, false, err
		}
		u.Sanitize()
		u.Email = ident.NormalizeEmail(u.Email)
		if err := ident.ValidateEmail(u.Email); err != nil {
			return nil, false, invalidIdent(op, "email", err)
		}
		roles := slices.Compact(slices.Sorted(slices.Values(slices.DeleteFunc(u.Roles, func(r string) bool { return r == "" }))))
		if len(roles) == 0 {
			return nil, false, connectors.Invalid(op, "roles", "au moins un rôle est nécessaire", "at least one role is needed")
		}
		if spaceKey(spaceName) == CabinetSIREN {
			for _, r := range roles {
				if !slices.Contains(connectors.CabinetRoles(), r) {
					return nil, false, connectors.Invalid(op, "roles",
						fmt.Sprintf("rôle de cabinet inconnu %q", r), fmt.Sprintf("unknown cabinet role %q", r))
				}
			}
		}
		for _, m := range sp.inv.Users {
			if strings.EqualFold(m.Email, u.Email) {
				if slices.Equal(slices.Sorted(slices.Values(m.Roles)), roles) {
					return copyUsers([]connectors.User{m})[0], false, nil
				}
				return nil, false, &connectors.Error{Op: op, Kind: connectors.ErrConflict, Field: "email",
					French:  u.Email + " est déjà membre avec d'autres rôles",
					English: u.Email + " is already a member with other roles"}
			}
		}
		nu := connectors.User{Email: u.Email, FirstName: u.FirstName, LastName: u.LastName, Roles: roles}
		sp.inv.Users = append(sp.inv.Users, nu)
		return copyUsers([]connectors.User{nu})[0], true, nil
	})
	if err != nil {
		return connectors.User{}, err
	}
	return copyUsers([]connectors.User{res.(connectors.User)})[0], nil
}

func (v v2) ImportClients(ctx context.Context, clients []connectors.Client, key string) (connectors.ImportResult, error) {
	const op = "v2.ImportClients"
	clients = slices.Clone(clients)
	res, err := v.p.write(ctx, op, key, clients, func() (any, bool, error) {
		if len(clients) == 0 {
			return nil, false, connectors.Invalid(op, "clients", "aucun client à importer", "no client to import")
		}
		out := connectors.ImportResult{Rejected: []connectors.RowError{}}
		seen := map[string]bool{}
		var good []connectors.Client
		for i, c := range clients {
			c.Sanitize()
			c.SIREN = ident.NormalizeSIREN(c.SIREN)
			c.ContactEmail = ident.NormalizeEmail(c.ContactEmail)
			bad := func(col, msg string) {
				out.Rejected = append(out.Rejected, connectors.RowError{Row: i + 1, Column: col, Message: msg})
			}
			before := len(out.Rejected)
			if c.LegalName == "" {
				bad("legal_name", "raison sociale manquante")
			}
			switch err := ident.ValidateSIREN(c.SIREN); {
			case c.SIREN == "":
				bad("siren", "SIREN manquant")
			case err != nil:
				bad("siren", "SIREN invalide : "+err.Error())
			case v.p.spaces[c.SIREN] != nil:
				bad("siren", "ce SIREN a déjà un espace sur la nouvelle plateforme")
			case seen[c.SIREN]:
				bad("siren", "SIREN en double dans l'import")
			}
			if err := ident.ValidateEmail(c.ContactEmail); err != nil {
				bad("contact_email", "e-mail du contact invalide : "+err.Error())
			}
			if len(out.Rejected) == before {
				seen[c.SIREN] = true
				good = append(good, c)
			}
		}
		for _, c := range good {
			v.p.spaces[c.SIREN] = &space{
				inv: connectors.Inventory{SIREN: c.SIREN, Users: []connectors.User{},
					BankAccounts: []connectors.BankAccount{}, Integrations: []connectors.Integration{}},
				profile: connectors.Profile{LegalName: c.LegalName, Street: c.Street, PostalCode: c.PostalCode,
					City: c.City, Country: c.Country, Email: c.ContactEmail},
			}
		}
		out.Created = len(good)
		return out, len(good) > 0, nil
	})
	if err != nil {
		return connectors.ImportResult{}, err
	}
	r := res.(connectors.ImportResult)
	r.Rejected = slices.Clone(r.Rejected)
	return r, nil
}

func (v v2) SetProfile(ctx context.Context, clientSIREN string, pr connectors.Profile, key string) error {
	const op = "v2.SetProfile"
	pr.Logo, pr.LogoData = clonePtr(pr.Logo), bytes.Clone(pr.LogoData)
	_, err := v.p.write(ctx, op, key, []any{clientSIREN, pr}, func() (any, bool, error) {
		sp, err := v.p.space(op, clientSIREN)
		if err != nil {
			return nil, false, err
		}
		for _, f := range []*string{&pr.LegalName, &pr.Street, &pr.PostalCode, &pr.City, &pr.Country, &pr.Email, &pr.Phone} {
			*f = connectors.Sanitize(*f)
		}
		if pr.Email != "" {
			pr.Email = ident.NormalizeEmail(pr.Email)
			if err := ident.ValidateEmail(pr.Email); err != nil {
				return nil, false, invalidIdent(op, "email", err)
			}
		}
		if pr.Country != "" && (len(pr.Country) != 2 || strings.ToUpper(pr.Country) != pr.Country) {
			return nil, false, connectors.Invalid(op, "country",
				"le pays doit être un code ISO à deux lettres majuscules (FR)", "the country must be a two-letter upper-case ISO code (FR)")
		}
		logo := sp.inv.Logo
		if pr.LogoData != nil {
			l, err := checkLogo(op, pr.Logo, pr.LogoData)
			if err != nil {
				return nil, false, err
			}
			logo = l
		}
		pr.Logo, pr.LogoData = nil, nil
		changed := !reflect.DeepEqual(sp.profile, pr) || !equalPtr(sp.inv.Logo, logo)
		sp.profile, sp.inv.Logo = pr, logo
		return nil, changed, nil
	})
	return err
}

// checkLogo checks the logo bytes against their description and returns the
// description V2 records (digest and size computed from the bytes).
func checkLogo(op string, l *connectors.Logo, data []byte) (*connectors.Logo, error) {
	if l == nil || connectors.Sanitize(l.FileName) == "" {
		return nil, connectors.Invalid(op, "logo", "nom de fichier du logo manquant", "missing logo file name")
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	if l.SHA256 != "" && !strings.EqualFold(connectors.Sanitize(l.SHA256), digest) {
		return nil, connectors.Invalid(op, "logo", "le logo ne correspond pas à son empreinte SHA-256",
			"the logo does not match its SHA-256 digest")
	}
	if l.Size != 0 && l.Size != int64(len(data)) {
		return nil, connectors.Invalid(op, "logo", "la taille du logo ne correspond pas", "the logo size does not match")
	}
	out := connectors.Logo{FileName: l.FileName, MediaType: l.MediaType, SHA256: digest, Size: int64(len(data))}
	out.Sanitize()
	return &out, nil
}

func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func (v v2) AddBankAccount(ctx context.Context, clientSIREN string, a connectors.BankAccount, key string) error {
	const op = "v2.AddBankAccount"
	_, err := v.p.write(ctx, op, key, []any{clientSIREN, a}, func() (any, bool, error) {
		sp, err := v.p.space(op, clientSIREN)
		if err != nil {
			return nil, false, err
		}
		a.Sanitize()
		a.IBAN = ident.NormalizeIBAN(a.IBAN)
		if err := ident.ValidateIBAN(a.IBAN); err != nil {
			return nil, false, invalidIdent(op, "iban", err)
		}
		if a.BIC != "" {
			a.BIC = ident.NormalizeBIC(a.BIC)
			if err := ident.ValidateBIC(a.BIC); err != nil {
				return nil, false, invalidIdent(op, "bic", err)
			}
		}
		for _, b := range sp.inv.BankAccounts {
			if b.IBAN == a.IBAN {
				return nil, false, &connectors.Error{Op: op, Kind: connectors.ErrConflict, Field: "iban",
					French: "ce compte bancaire est déjà enregistré", English: "this bank account is already recorded"}
			}
		}
		sp.inv.BankAccounts = append(sp.inv.BankAccounts, a)
		return nil, true, nil
	})
	return err
}

func (v v2) SetNumbering(ctx context.Context, clientSIREN string, n connectors.Numbering, key string) error {
	const op = "v2.SetNumbering"
	_, err := v.p.write(ctx, op, key, []any{clientSIREN, n}, func() (any, bool, error) {
		sp, err := v.p.space(op, clientSIREN)
		if err != nil {
			return nil, false, err
		}
		n.Sanitize()
		switch {
		case n.LastNumber < 0:
			return nil, false, connectors.Invalid(op, "last_number", "le dernier numéro ne peut pas être négatif", "the last number cannot be negative")
		case n.Padding < 0 || n.Padding > 18:
			return nil, false, connectors.Invalid(op, "padding", "le nombre de chiffres doit aller de 0 à 18", "the digit count must be 0 to 18")
		case len([]rune(n.Prefix)) > 20:
			return nil, false, connectors.Invalid(op, "prefix", "préfixe trop long (20 caractères au plus)", "prefix too long (20 characters at most)")
		}
		changed := !equalPtr(sp.inv.Numbering, &n)
		sp.inv.Numbering = &n
		return nil, changed, nil
	})
	return err
}

// secretFieldNames are Integration.Fields keys that would carry a secret;
// the port forbids them, and refusing them here catches a leak in tests.
func secretFieldNames() []string {
	return []string{"token", "secret", "password", "mot_de_passe", "api_key", "apikey", "client_secret"}
}

func (v v2) CreateIntegration(ctx context.Context, spaceName string, in connectors.Integration, key string) error {
	const op = "v2.CreateIntegration"
	in = copyIntegrations([]connectors.Integration{in})[0]
	_, err := v.p.write(ctx, op, key, []any{spaceName, in}, func() (any, bool, error) {
		sp, err := v.p.space(op, spaceName)
		if err != nil {
			return nil, false, err
		}
		in.Sanitize()
		if !slices.Contains(connectors.Softwares(), in.Software) {
			return nil, false, connectors.Invalid(op, "software",
				fmt.Sprintf("logiciel comptable inconnu %q", in.Software), fmt.Sprintf("unknown accounting software %q", in.Software))
		}
		for k := range in.Fields {
			if slices.Contains(secretFieldNames(), strings.ToLower(k)) {
				return nil, false, connectors.Invalid(op, "fields",
					"un secret ("+k+") ne doit pas figurer dans la connexion", "a secret ("+k+") must not be in the connection record")
			}
		}
		if spaceKey(spaceName) == CabinetSIREN {
			in.Scope = connectors.SpaceCabinet
		} else {
			in.Scope = sp.inv.SIREN
		}
		for _, e := range sp.inv.Integrations {
			if e.Software == in.Software {
				return nil, false, &connectors.Error{Op: op, Kind: connectors.ErrConflict, Field: "software",
					French:  "une connexion " + in.Software.Label() + " existe déjà dans cet espace",
					English: "a " + in.Software.Label() + " connection already exists in this space"}
			}
		}
		sp.inv.Integrations = append(sp.inv.Integrations, in)
		return nil, true, nil
	})
	return err
}

func (v v2) ChooseSubscription(ctx context.Context, clientSIREN string, s connectors.Subscription, key string) error {
	const op = "v2.ChooseSubscription"
	_, err := v.p.write(ctx, op, key, []any{clientSIREN, s}, func() (any, bool, error) {
		sp, err := v.p.space(op, clientSIREN)
		if err != nil {
			return nil, false, err
		}
		s.Sanitize()
		if s.Plan == "" {
			return nil, false, connectors.Invalid(op, "plan", "formule d'abonnement manquante", "missing subscription plan")
		}
		changed := !equalPtr(sp.inv.Subscription, &s)
		sp.inv.Subscription = &s
		return nil, changed, nil
	})
	return err
}
