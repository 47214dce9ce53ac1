package files

import (
	"bytes"
	"fmt"
	"testing"
)

// luhnKey returns the digit that makes base+digit pass the Luhn check.
func luhnKey(base string) byte {
	for d := byte('0'); d <= '9'; d++ {
		s := base + string(d)
		sum, double := 0, false
		for i := len(s) - 1; i >= 0; i-- {
			v := int(s[i] - '0')
			if double {
				if v *= 2; v > 9 {
					v -= 9
				}
			}
			sum += v
			double = !double
		}
		if sum%10 == 0 {
			return d
		}
	}
	panic("unreachable")
}

// benchExport builds a V1-like export of n clients as French Excel saves
// it: `;`, CRLF, UTF-8 with BOM, accents, a quoted address, valid SIRENs,
// VAT numbers and IBANs, and one row in 50 with a bad e-mail.
func benchExport(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeffRaison sociale;SIREN;TVA intracommunautaire;Statut;Prénom;Nom;E-mail;Adresse;Code postal;Ville;Pays;IBAN\r\n")
	ibans := []string{ibanA, ibanB, "FR76 3000 6000 0112 3456 7890 189"}
	statuses := []string{"Brouillon", "Créé", "Mis à jour"}
	for i := 0; i < n; i++ {
		base := fmt.Sprintf("%08d", 10000000+i*7)
		siren := base + string(luhnKey(base))
		var v int
		fmt.Sscan(siren, &v)
		vat := fmt.Sprintf("FR%02d%s", (12+3*(v%97))%97, siren)
		email := fmt.Sprintf("contact%d@societe-%d.fr", i, i)
		if i%50 == 0 {
			email = "contact" + fmt.Sprint(i)
		}
		fmt.Fprintf(&b, "Société Générale de Pâtisserie n°%d;%s;%s;%s;Hélène;Lefèvre;%s;\"%d, rue de l'Église; Bât. A\";%05d;Besançon;France;%s\r\n",
			i, siren, vat, statuses[i%3], email, i%200, 1000+i%95000, ibans[i%3])
	}
	return b.Bytes()
}

func BenchmarkReadClientsExport(b *testing.B) {
	const rows = 100_000
	data := benchExport(rows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		exp, err := ReadClientsExport(bytes.NewReader(data), "export.csv", ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(exp.Clients) != rows-rows/50 {
			b.Fatalf("kept %d clients, errors %d: %v", len(exp.Clients), len(exp.Errors), exp.Errors[:1])
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
