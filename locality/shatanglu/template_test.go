package shatanglu

import (
	"testing"

	"github.com/qingdan/qingdan/locality/internal/templatetest"
)

func TestTemplate(t *testing.T) {
	templatetest.Test(t, Template, templatetest.Want{Name: "沙塘路街道“5+3+1”", Offices: 5, Centers: 3, MaxSelfSet: 1})
}

// TestHardening: Template never panics, and every exported function of the
// package has a hardening row.
func TestHardening(t *testing.T) { templatetest.Hardening(t, "shatanglu", Template) }
