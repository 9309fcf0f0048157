package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A measurement is one run of a program.
type measurement struct {
	Wall      time.Duration
	User, Sys time.Duration
	MaxRSS    int64   // bytes; 0 when unknown
	Load      float64 // 1-minute load average before the run; NaN when unknown
	Others    float64 // CPUs used by other processes during the run; NaN when unknown
	Output    string  // standard output and standard error
}

// CPU is the child's user plus system time.
func (m measurement) CPU() time.Duration { return m.User + m.Sys }

// A RunError reports a measured program that failed.
type RunError struct {
	Args   []string
	Output string
	Err    error
}

func (e *RunError) Error() string {
	return fmt.Sprintf("%s: %v\n%s", strings.Join(e.Args, " "), e.Err, e.Output)
}

func (e *RunError) Unwrap() error { return e.Err }

// measure runs args (the program and its arguments) with the extra
// environment env and measures it.
func measure(ctx context.Context, env []string, args ...string) (measurement, error) {
	m := measurement{Load: loadAverage(), Others: math.NaN()}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	busy0, statErr := cpuBusy()
	start := time.Now()
	err := cmd.Run()
	m.Wall = time.Since(start)
	busy1, statErr1 := cpuBusy()
	m.Output = out.String()
	if err != nil {
		return m, &RunError{Args: args, Output: m.Output, Err: err}
	}
	m.User, m.Sys = cmd.ProcessState.UserTime(), cmd.ProcessState.SystemTime()
	m.MaxRSS = maxRSS(cmd.ProcessState)
	if statErr == nil && statErr1 == nil && m.Wall > 0 {
		others := (busy1 - busy0 - m.CPU()).Seconds() / m.Wall.Seconds()
		m.Others = math.Max(others, 0)
	}
	return m, nil
}

// loadAverage returns the 1-minute load average, or NaN.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return math.NaN()
	}
	return parseLoadAvg(string(b))
}

// parseLoadAvg parses the first field of /proc/loadavg.
func parseLoadAvg(s string) float64 {
	f := strings.Fields(s)
	if len(f) == 0 {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// cpuBusy returns the CPU time all processors spent not idle since boot.
func cpuBusy() (time.Duration, error) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, err
	}
	return parseStat(string(b))
}

// userHZ is the unit of /proc/stat (USER_HZ, 100 on every Linux
// architecture Go supports).
const userHZ = 100

// parseStat returns the busy time of the "cpu" line of /proc/stat: user,
// nice, system, irq, softirq and steal (guest time is included in user).
func parseStat(s string) (time.Duration, error) {
	for line := range strings.Lines(s) {
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "cpu" {
			continue
		}
		var ticks int64
		for _, i := range []int{1, 2, 3, 6, 7, 8} { // user nice system (idle iowait) irq softirq steal
			v, err := strconv.ParseInt(f[i], 10, 64)
			if err != nil {
				return 0, fmt.Errorf("/proc/stat: %q: %v", line, err)
			}
			ticks += v
		}
		return time.Duration(ticks) * time.Second / userHZ, nil
	}
	return 0, fmt.Errorf("/proc/stat: no cpu line")
}

// result is the measurement of one size.
type result struct {
	spec
	Pages         int // lantoa's HTML pages (its summary line)
	FloorPages    int
	Floor, Lantoa measurement // best runs
	Stages        []stage     // of the best lantoa run, when lantoa printed them
	Share         []measurement
}

// stage is one line of lantoa's LANTOA_STAGES output.
type stage struct {
	Name string
	Dur  time.Duration
}

var (
	lantoaPages = regexp.MustCompile(`lantoa: ([0-9.]+) trang`)
	floorPages  = regexp.MustCompile(`floor: ([0-9]+) pages`)
	stageLine   = regexp.MustCompile(`(?m)^\s+(\S+)\s+(\d+) ms$`)
)

// pagesOf reads the page count out of a program's summary line
// ("lantoa: 14.400 trang, …", "floor: 14400 pages …"); -1 when absent.
func pagesOf(re *regexp.Regexp, out string) int {
	m := re.FindStringSubmatch(out)
	if m == nil {
		return -1
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m[1], ".", ""))
	if err != nil {
		return -1
	}
	return n
}

// stagesOf reads the stage timings lantoa prints when LANTOA_STAGES is set.
func stagesOf(out string) []stage {
	var st []stage
	for _, m := range stageLine.FindAllStringSubmatch(out, -1) {
		ms, _ := strconv.Atoi(m[2])
		st = append(st, stage{m[1], time.Duration(ms) * time.Millisecond})
	}
	return st
}

// measureSize runs floor and lantoa on site c.runs times each and keeps the
// best runs, then the share image and profile runs.
func measureSize(ctx context.Context, c *config, s spec, site, outDir, lantoa, floor string, progress func(string, ...any)) (*result, error) {
	r := &result{spec: s}
	floorOut := filepath.Join(outDir, fmt.Sprint(s.Models, "-floor"))
	lantoaOut := filepath.Join(outDir, fmt.Sprint(s.Models, "-lantoa"))
	resources := filepath.Join(site, "resources")
	clean := func(dirs ...string) error {
		for _, d := range dirs {
			if err := os.RemoveAll(d); err != nil {
				return err
			}
		}
		return nil
	}
	defer clean(floorOut, lantoaOut)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	env := []string{"LANTOA_STAGES=1"}
	build := func(share bool, extra ...string) []string {
		return append([]string{lantoa, "build", "-s", site, "-d", lantoaOut, "--share-images=" + strconv.FormatBool(share)}, extra...)
	}
	for i := range c.runs {
		if err := clean(floorOut); err != nil {
			return nil, err
		}
		f, err := measure(ctx, nil, floor, site, floorOut)
		if err != nil {
			return nil, err
		}
		progress("%d run %d/%d: floor  %s", s.Models, i+1, c.runs, f.line())
		if i == 0 || f.Wall < r.Floor.Wall {
			r.Floor = f
		}
		if err := clean(lantoaOut, resources); err != nil {
			return nil, err
		}
		l, err := measure(ctx, env, build(false)...)
		if err != nil {
			return nil, err
		}
		progress("%d run %d/%d: lantoa %s", s.Models, i+1, c.runs, l.line())
		if i == 0 || l.Wall < r.Lantoa.Wall {
			r.Lantoa = l
		}
	}
	r.Pages = pagesOf(lantoaPages, r.Lantoa.Output)
	r.FloorPages = pagesOf(floorPages, r.Floor.Output)
	r.Stages = stagesOf(r.Lantoa.Output)
	if c.share[s.Models] {
		if err := clean(lantoaOut, resources); err != nil {
			return nil, err
		}
		for _, state := range []string{"cold", "warm"} {
			if err := clean(lantoaOut); err != nil {
				return nil, err
			}
			m, err := measure(ctx, env, build(true)...)
			if err != nil {
				return nil, err
			}
			progress("%d share images, %s cache: lantoa %s", s.Models, state, m.line())
			r.Share = append(r.Share, m)
		}
	}
	if c.profile != "" {
		if err := os.MkdirAll(c.profile, 0o755); err != nil {
			return nil, err
		}
		if err := clean(lantoaOut, resources); err != nil {
			return nil, err
		}
		cpu := filepath.Join(c.profile, fmt.Sprintf("cpu-%d.prof", s.Models))
		mem := filepath.Join(c.profile, fmt.Sprintf("mem-%d.prof", s.Models))
		if _, err := measure(ctx, env, build(false, "--cpuprofile", cpu, "--memprofile", mem)...); err != nil {
			return nil, err
		}
		progress("profiles: go tool pprof -top %s; go tool pprof -sample_index=alloc_space -top %s", cpu, mem)
	}
	return r, nil
}

// line is a one-line summary of m for progress output.
func (m measurement) line() string {
	return fmt.Sprintf("wall %s  cpu %s (user %s, sys %s)  rss %s  load %s  others %s",
		secs(m.Wall), secs(m.CPU()), secs(m.User), secs(m.Sys), mb(m.MaxRSS), num(m.Load), num(m.Others))
}
