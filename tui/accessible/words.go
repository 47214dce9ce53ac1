package accessible

import (
	"strconv"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// intervalText says how long a wait lasted with a space before its unit
// ("50 ms", "30 s", "2 min", "1 min 30 s"), not in Go's notation ("2m0s").
func intervalText(lang checklist.Lang, d time.Duration) string {
	switch {
	case d < time.Second:
		return strconv.Itoa(int(d/time.Millisecond)) + " ms"
	case d < time.Minute || d%time.Minute == 0:
		return checklist.FormatInterval(lang, d)
	}
	return checklist.FormatInterval(lang, d.Truncate(time.Minute)) + " " + checklist.FormatInterval(lang, d%time.Minute)
}
