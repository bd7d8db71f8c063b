package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
)

// TestClock: the service stamps each event with the time it accepts it,
// and a unit that gives its own time is refused, not graded by it. A
// department dispatched at 09:04 (China time) with two hours to accept
// accepts at 12:30, late, and claims 09:30: refused; posted without its
// time, it is stamped 12:30, and graded on 3 h 26 min.
func TestClock(t *testing.T) {
	c, year, cfg := withYear(t)
	svc, url := serve(t, c.database(t, "clock"), cfg)
	id := year.subs[0].Event.Matter
	var subs []Submission
	for _, sub := range year.subs {
		if sub.Event.Matter == id {
			subs = append(subs, sub)
		}
	}
	if len(subs) != 7 || subs[2].Event.Kind != matters.Dispatch || subs[3].Event.Kind != matters.Accept || subs[6].Event.Kind != matters.Close {
		t.Fatalf("the wuhu year's first matter, %s, is not a report, whistle, dispatch, accept, resolve, feedback and close: %+v", id, subs)
	}
	postAll(t, url, subs[:3])
	dispatched := subs[2].Event.At
	late, claimed := dispatched.Add(3*time.Hour+26*time.Minute), dispatched.Add(26*time.Minute)
	head, _ := svc.Head(origin)

	accept := subs[3]
	accept.Event.At = claimed
	var status int
	var body string
	clock.run(late, func() { status, body = postRaw(t, url, tokenOf(accept.Event.Actor), mustJSON(t, accept)) })
	if status != http.StatusBadRequest || !strings.Contains(body, "the service stamps") {
		t.Errorf("an Accept that gives its own time, backdated: %d %s; want 400, saying the service stamps the time", status, body)
	}
	accept.Event.At = late.Add(time.Minute) // ahead of the clock, within a minute: refused all the same
	var err error
	clock.run(late, func() { _, err = svc.Accept(context.Background(), accept.Event.Actor, accept) })
	if !errors.Is(err, errTimeGiven) {
		t.Errorf("Accept of an event that gives its time: %v; want errTimeGiven", err)
	}
	if got, _ := svc.Head(origin); got != head {
		t.Errorf("after the refusals the journal's head is %v; want %v, as before them", got, head)
	}

	accept.Event.At = late
	status, body = post(t, url, accept) // without its time, the clock at 12:30
	var acc Accepted
	if err := json.Unmarshal([]byte(body), &acc); status != http.StatusCreated || err != nil || !acc.Event.At.Equal(late) {
		t.Fatalf("the Accept without its time, the clock at %v: %d %s; want it accepted, stamped with the clock's time", late, status, body)
	}
	postAll(t, url, subs[4:6])
	status, body = post(t, url, subs[6])
	if err := json.Unmarshal([]byte(body), &acc); status != http.StatusCreated || err != nil || len(acc.Evaluations) != 1 || acc.Evaluations[0].Facts == nil {
		t.Fatalf("the close: %d %s; want the department's evaluation, with its facts", status, body)
	}
	if f := acc.Evaluations[0].Facts; f.Response != late.Sub(dispatched) || f.Response <= f.ResponseLimit {
		t.Errorf("the department is graded on a response of %v (limit %v); want %v, late, as the service's clock says", f.Response, f.ResponseLimit, late.Sub(dispatched))
	}
	_, view := get(t, url+"/matters/"+id)
	var v MatterView
	if err := json.Unmarshal([]byte(view), &v); err != nil || len(v.Matter.Events) != 7 || !v.Matter.Events[3].At.Equal(late) {
		t.Errorf("GET /matters/%s: %v; want its Accept at %v:\n%s", id, err, late, view)
	}
}
