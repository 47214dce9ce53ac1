package checklist

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// ReconState is the verdict on one migrated element (§3.3).
type ReconState uint8

// The verdicts of the reconciliation.
const (
	ReconMigrated ReconState = iota // V2 holds what V1 held
	ReconGap                        // V2 holds less: something did not migrate
	ReconToCheck                    // cannot tell (V1 figure not captured, or V2 holds more)
)

// String returns the stable id.
func (s ReconState) String() string {
	switch s {
	case ReconMigrated:
		return "migrated"
	case ReconGap:
		return "gap"
	}
	return "to_check"
}

// Title is the verdict for the user.
func (s ReconState) Title() Text {
	switch s {
	case ReconMigrated:
		return tx("migré", "migrated")
	case ReconGap:
		return tx("écart", "gap")
	}
	return tx("à vérifier", "to check")
}

// ReconLine compares one element of §3.3 between V1 (noted before the switch)
// and V2 (the connector's inventory now).
type ReconLine struct {
	Item  string // a TransferItem id
	Title Text
	V1    string // "" when not captured before the switch
	V2    string
	State ReconState
}

// Reconcile compares the facts captured from V1 before the switch (see
// SnapshotFacts) with V2's inventory of the same company, line by line for
// what §3.3 says migrates. payment says whether the Banqup payment account is
// expected.
func Reconcile(v1 map[string]string, inv connectors.Inventory, payment bool) []ReconLine {
	counts := func(keys ...string) (string, bool) {
		var parts []string
		for _, k := range keys {
			v, ok := v1[k]
			if !ok || v == "" {
				return "", false
			}
			parts = append(parts, v)
		}
		return strings.Join(parts, " / "), true
	}
	line := func(item string, title Text, keys []string, v2 string, v2n []int) ReconLine {
		l := ReconLine{Item: item, Title: title, V2: v2}
		v, ok := counts(keys...)
		if !ok {
			l.State = ReconToCheck
			return l
		}
		l.V1 = v
		l.State = compareCounts(v1, keys, v2n)
		return l
	}
	paid := inv.Invoices.Purchases.AcceptedPaid + inv.Invoices.Sales.AcceptedPaid
	unpaid := inv.Invoices.Purchases.AcceptedUnpaid + inv.Invoices.Sales.AcceptedUnpaid
	lines := []ReconLine{
		line("accepted_documents", tx("Documents acceptés (payés / non payés)", "Accepted documents (paid / unpaid)"),
			[]string{FactAcceptedPaid, FactAcceptedUnpaid}, fmt.Sprintf("%d / %d", paid, unpaid), []int{paid, unpaid}),
		line("archived_documents", tx("Documents archivés", "Archived documents"),
			[]string{FactArchived}, strconv.Itoa(inv.Archives.Documents), []int{inv.Archives.Documents}),
		line("articles", tx("Base articles", "Article base"),
			[]string{FactArticles}, strconv.Itoa(inv.Articles), []int{inv.Articles}),
		line("partners", tx("Clients / fournisseurs", "Customers / suppliers"),
			[]string{FactCustomers, FactSuppliers}, fmt.Sprintf("%d / %d", inv.Partners.Customers, inv.Partners.Suppliers),
			[]int{inv.Partners.Customers, inv.Partners.Suppliers}),
	}
	mail := ReconLine{Item: "reception_email", Title: tx("E-mail de réception des factures d'achat", "Purchase-invoice reception e-mail"),
		V1: v1[FactReceptionEmail], V2: inv.ReceptionEmail}
	switch {
	case mail.V1 == "":
		mail.State = ReconToCheck
	case strings.EqualFold(mail.V1, mail.V2):
		mail.State = ReconMigrated
	default:
		mail.State = ReconGap
	}
	lines = append(lines, mail)
	if payment {
		pa := ReconLine{Item: "payment_account", Title: tx("Compte de paiement Banqup", "Banqup payment account"),
			V1: v1[FactPaymentAccount], V2: strconv.FormatBool(inv.PaymentAccount)}
		switch {
		case pa.V1 == "":
			pa.State = ReconToCheck
		case pa.V1 == "true" && !inv.PaymentAccount:
			pa.State = ReconGap
		default:
			pa.State = ReconMigrated
		}
		lines = append(lines, pa)
	}
	return lines
}

func compareCounts(v1 map[string]string, keys []string, v2 []int) ReconState {
	state := ReconMigrated
	for i, k := range keys {
		n, err := strconv.Atoi(v1[k])
		if err != nil {
			return ReconToCheck
		}
		switch {
		case v2[i] < n:
			return ReconGap
		case v2[i] > n:
			state = ReconToCheck
		}
	}
	return state
}

// ReconOK reports whether every line migrated.
func ReconOK(lines []ReconLine) bool {
	for _, l := range lines {
		if l.State != ReconMigrated {
			return false
		}
	}
	return true
}

// ReconEvidence turns reconciliation lines into evidence for the control step.
func ReconEvidence(lines []ReconLine, ev *Evidence) {
	for _, l := range lines {
		ev.Facts[l.Item+".v1"] = l.V1
		ev.Facts[l.Item+".v2"] = l.V2
		ev.Facts[l.Item+".state"] = l.State.String()
		if l.State == ReconGap {
			ev.Findings = append(ev.Findings, Finding{Code: "gap." + l.Item, Detail: fmt.Sprintf("V1 %s, V2 %s", l.V1, l.V2)})
		}
	}
	ev.OK = ReconOK(lines)
}

// ProposedNumbering is the V2 numbering to set (§3.4 item 5): the numbering
// noted before the switch, so that V2's next number is the last V1 number + 1
// with the same prefix and zero padding. ok is false when nothing was noted.
func ProposedNumbering(noted Record) (connectors.Numbering, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(noted["number"]))
	if err != nil || n < 0 {
		return connectors.Numbering{}, false
	}
	pad, _ := strconv.Atoi(strings.TrimSpace(noted["padding"]))
	if pad == 0 {
		pad = len(strings.TrimSpace(noted["number"]))
	}
	return connectors.Numbering{Prefix: noted["prefix"], LastNumber: n, Padding: pad}, true
}
