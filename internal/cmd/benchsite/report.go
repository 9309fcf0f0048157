package main

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// The budgets of issue #11 (2-core machine).
const (
	budgetSize     = 10000 // models (with 44% exemplars) the budgets apply to
	budgetRatio    = 1.5   // lantoa wall / floor wall at budgetSize
	budgetRSS      = 400 << 20
	budgetBigSize  = 50000
	budgetScaling  = 5.5 // wall(budgetBigSize) / wall(budgetSize)
	loadWarnAbove  = 1.5
	bytesPerMB     = 1 << 20
	notApplicable  = "-"
	overBudgetWord = "OVER"
)

// report is everything benchsite prints at the end.
type report struct {
	cpus int
	runs int
	rows []*result
}

// ratio is lantoa's best wall time over the floor's.
func (r *result) ratio() float64 { return r.Lantoa.Wall.Seconds() / r.Floor.Wall.Seconds() }

// pagesPerSecond is lantoa's pages over its best wall time.
func (r *result) pagesPerSecond() float64 { return float64(r.Pages) / r.Lantoa.Wall.Seconds() }

// write prints the report.
func (rep *report) write(w io.Writer) {
	fmt.Fprintf(w, "lantoa full build (--share-images=false) vs floor; best of %d runs; %d CPUs, %s %s/%s\n\n",
		rep.runs, rep.cpus, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "size\tstories\tpages\tfloor\tlantoa\tratio\tCPU\tpeak RSS\tpages/s\tload\tothers\t")
	for _, r := range rep.rows {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\t%.2f×\t%s\t%s\t%.0f\t%s\t%s\t\n",
			r.Models, r.Stories(), r.Pages, secs(r.Floor.Wall), secs(r.Lantoa.Wall), r.ratio(),
			secs(r.Lantoa.CPU()), mb(r.Lantoa.MaxRSS), r.pagesPerSecond(), num(r.Lantoa.Load), num(r.Lantoa.Others))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nsize: models (exemplars and news added); floor, lantoa: best wall time; CPU: lantoa user+sys;")
	fmt.Fprintln(w, "load: 1-minute load average before the best lantoa run (it includes the previous runs of this harness);")
	fmt.Fprintln(w, "others: CPUs used by other processes during that run, the better measure of a busy machine.")
	for _, r := range rep.rows {
		for _, m := range []struct {
			who string
			m   measurement
		}{{"floor", r.Floor}, {"lantoa", r.Lantoa}} {
			if m.m.Load > loadWarnAbove {
				fmt.Fprintf(w, "WARNING: %d: load average %.2f > %.1f before the best %s run (other processes used %s CPUs during it); figures may be pessimistic\n",
					r.Models, m.m.Load, loadWarnAbove, m.who, num(m.m.Others))
			}
		}
		if r.FloorPages >= 0 && r.FloorPages != r.Stories() {
			fmt.Fprintf(w, "WARNING: %d: floor wrote %d pages for %d stories\n", r.Models, r.FloorPages, r.Stories())
		}
	}
	for _, r := range rep.rows {
		if len(r.Stages) > 0 {
			var parts []string
			for _, s := range r.Stages {
				parts = append(parts, fmt.Sprintf("%s %s", s.Name, secs(s.Dur)))
			}
			fmt.Fprintf(w, "%d stages (best run): %s\n", r.Models, strings.Join(parts, ", "))
		}
	}
	for _, r := range rep.rows {
		if len(r.Share) == 2 {
			fmt.Fprintf(w, "%d with share images: cold cache %s (CPU %s, RSS %s), warm cache %s (CPU %s, RSS %s)\n", r.Models,
				secs(r.Share[0].Wall), secs(r.Share[0].CPU()), mb(r.Share[0].MaxRSS),
				secs(r.Share[1].Wall), secs(r.Share[1].CPU()), mb(r.Share[1].MaxRSS))
		}
	}
	for i := 1; i < len(rep.rows); i++ {
		a, b := rep.rows[i-1], rep.rows[i]
		fmt.Fprintf(w, "scaling %d→%d: %.2f× the stories took %.2f× the wall time (floor %.2f×)\n", a.Models, b.Models,
			float64(b.Stories())/float64(a.Stories()), b.Lantoa.Wall.Seconds()/a.Lantoa.Wall.Seconds(), b.Floor.Wall.Seconds()/a.Floor.Wall.Seconds())
	}
	if bs := rep.budgets(); len(bs) > 0 {
		fmt.Fprintln(w, "\nbudgets (issue #11):")
		for _, b := range bs {
			fmt.Fprintln(w, "  "+b)
		}
	}
}

// budgets checks the budgets the measured sizes allow checking.
func (rep *report) budgets() []string {
	var small, big *result
	for _, r := range rep.rows {
		switch r.Models {
		case budgetSize:
			small = r
		case budgetBigSize:
			big = r
		}
	}
	verdict := func(ok bool) string {
		if ok {
			return "ok"
		}
		return overBudgetWord
	}
	var out []string
	if small != nil {
		out = append(out, fmt.Sprintf("%-4s %d: lantoa/floor wall %.2f× (≤ %.1f×)", verdict(small.ratio() <= budgetRatio), budgetSize, small.ratio(), budgetRatio))
		if small.Lantoa.MaxRSS > 0 {
			out = append(out, fmt.Sprintf("%-4s %d: peak RSS %s (≤ %d MB)", verdict(small.Lantoa.MaxRSS <= budgetRSS), budgetSize, mb(small.Lantoa.MaxRSS), budgetRSS/bytesPerMB))
		}
	}
	if small != nil && big != nil {
		g := big.Lantoa.Wall.Seconds() / small.Lantoa.Wall.Seconds()
		out = append(out, fmt.Sprintf("%-4s %d/%d wall %.2f× (≤ %.1f×)", verdict(g <= budgetScaling), budgetBigSize, budgetSize, g, budgetScaling))
	}
	return out
}

// secs formats d in seconds: "12.34s".
func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

// mb formats a byte count in megabytes, or "-" when unknown.
func mb(n int64) string {
	if n <= 0 {
		return notApplicable
	}
	return fmt.Sprintf("%d MB", (n+bytesPerMB/2)/bytesPerMB)
}

// num formats a load figure, or "-" when unknown.
func num(v float64) string {
	if math.IsNaN(v) {
		return notApplicable
	}
	return fmt.Sprintf("%.2f", v)
}
