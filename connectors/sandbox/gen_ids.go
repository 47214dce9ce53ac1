package sandbox

import (
	"strconv"
	"strings"
)

// siren draws a new, unused, Luhn-valid SIREN: 8 random digits then the check
// digit. The first digit is never 0, which keeps clear of Monaco's "000"
// numbers and La Poste's special rule.
func (g *gen) siren() string {
	for {
		var b [9]byte
		b[0] = byte('1' + g.r.IntN(9))
		for i := 1; i < 8; i++ {
			b[i] = byte('0' + g.r.IntN(10))
		}
		b[8] = luhnCheckDigit(b[:8])
		s := string(b[:])
		if !g.sirens[s] {
			g.sirens[s] = true
			return s
		}
	}
}

// luhnCheckDigit returns the digit that makes payload+digit pass Luhn: from
// the right of the final number, every second digit is doubled, which for
// the payload means its last digit and every other one before it.
func luhnCheckDigit(payload []byte) byte {
	sum := 0
	for i := len(payload) - 1; i >= 0; i-- {
		v := int(payload[i] - '0')
		if (len(payload)-1-i)%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return byte('0' + (10-sum%10)%10)
}

// iban draws a valid French IBAN and its bank's BIC: RIB key computed from
// bank, branch and account numbers, then the ISO 7064 check digits.
func (g *gen) iban() (string, string) {
	bk := pick(g.r, g.banks)
	branch := g.r.IntN(100000)
	account := g.r.Int64N(100000000000)
	bankN, _ := strconv.Atoi(bk.code)
	key := 97 - (89*int64(bankN)+15*int64(branch)+3*account)%97
	b := make([]byte, 0, 27)
	b = append(b, "FR00"...)
	b = append(b, bk.code...)
	b = appendPadded(b, int64(branch), 5)
	b = appendPadded(b, account, 11)
	b = appendPadded(b, key, 2)
	bban := string(b[4:])
	// "FR00" moved to the end: F=15, R=27, check digits 00.
	check := 98 - (mod97(bban)*1000000+152700)%97
	b[2], b[3] = byte('0'+check/10), byte('0'+check%10)
	return string(b), bk.bic
}

func mod97(digits string) int {
	rem := 0
	for i := 0; i < len(digits); i++ {
		rem = (rem*10 + int(digits[i]-'0')) % 97
	}
	return rem
}

// appendPadded appends v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v int64, width int) []byte {
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], v, 10)
	for range width - len(d) {
		b = append(b, '0')
	}
	return append(b, d...)
}

func pad(v int64, width int) string {
	s := strconv.FormatInt(v, 10)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// slug turns a name into an ASCII e-mail and file-name fragment.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'à', 'â':
			r = 'a'
		case 'î', 'ï':
			r = 'i'
		case 'ô':
			r = 'o'
		case 'ù', 'û':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'œ':
			b.WriteString("oe")
			dash = false
			continue
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
