package chaohu

import (
	"testing"

	"github.com/qingdan/qingdan/locality/internal/templatetest"
)

func TestTemplate(t *testing.T) {
	templatetest.Test(t, Template, templatetest.Want{Name: "巢湖市街道“一办五部两中心”+生态环境部+1个预留", Offices: 7, Centers: 2, MaxSelfSet: 1})
}

// TestHardening: Template never panics, and every exported function of the
// package has a hardening row.
func TestHardening(t *testing.T) { templatetest.Hardening(t, "chaohu", Template) }
