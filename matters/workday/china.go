package workday

import (
	_ "embed"
	"fmt"
	"sync"
)

// chinaJSON holds the State Council's schedules, one object a year, each
// citing its notice. Add a year by appending its notice's dates (and run the
// tests, which check every date against an independent table).
//
//go:embed china.json
var chinaJSON []byte

// chinaSchedules returns the parsed embedded schedules; callers must not
// modify them.
var chinaSchedules = sync.OnceValue(func() []Schedule {
	ss, err := ParseSchedules(chinaJSON)
	if err != nil {
		panic(fmt.Sprintf("workday: embedded china.json is broken (a defect of this package): %v", err))
	}
	return ss
})

// china is built once; a Calendar never changes, so sharing it is safe.
var china = sync.OnceValue(func() *Calendar {
	c, err := New(Config{})
	if err != nil {
		panic(fmt.Sprintf("workday: embedded china.json is broken (a defect of this package): %v", err))
	}
	return c
})

// ChinaSchedules returns a copy of the embedded State Council schedules,
// 2019 to 2027, each naming its notice: 国办发明电〔2018〕15号 (with the
// Labour Day change 国办发明电〔2019〕3号), 〔2019〕16号 (with the Spring
// Festival extension 国办发明电〔2020〕1号), 〔2020〕27号, 〔2021〕11号,
// 〔2022〕16号, 〔2023〕7号, 〔2024〕12号, 〔2025〕7号, and the 2027 notice,
// whose dates were taken from github.com/6tail/lunar-go v1.4.7.
func ChinaSchedules() []Schedule {
	ss := chinaSchedules()
	out := make([]Schedule, len(ss))
	for i := range ss {
		out[i] = ss[i].clone()
	}
	return out
}

// China returns the calendar of the State Council's holiday schedules
// (see [ChinaSchedules]) with the whole day as working hours. Every call
// returns the same immutable Calendar, safe for concurrent use. For office
// hours or a further year, use [New] with a [Config].
func China() *Calendar { return china() }
