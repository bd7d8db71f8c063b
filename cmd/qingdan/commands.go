package main

import (
	"flag"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// commands are the subcommands, in the order -h lists them. This file
// declares each: its flags (the fields of its options), its usage and
// examples, and how many files it takes; the file named after it says
// what it does.
var commands = []*command.Command{checkCmd, importCmd, renderCmd, testCmd, whatifCmd, journalCmd, diffCmd}

// checkOptions are the flags of qingdan check.
type checkOptions struct {
	json     bool
	kind     string
	register string
}

// Flags binds the flags of qingdan check to f.
func (f *checkOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出问题，供程序读取")
	fs.StringVar(&f.kind, "kind", "", kindsHelp)
	fs.StringVar(&f.register, "register", "", "清单目录所依据的两单一图一点（JSON `文件`）；只用于不含两单一图一点的清单目录，给其他文件时拒绝")
}

// checkCmd is qingdan check.
var checkCmd = &command.Command{
	Name:  "check",
	Args:  "[-json] [-kind 类型] [-register 文件] 文件…",
	Short: "用内置规则检查清单：两单一图一点、清单目录、事项清单、准入清单或公布的权力清单、责任清单（CSV，UTF-8 或 GB18030）",
	Long: `清单目录（catalog）另做交叉检查：事项清单、准入清单和重点任务引用的单位、职责和事项须在两单一图一点中，
-register 给出目录所依据的两单一图一点：只用于本身不含两单一图一点（register）的清单目录，
所给文件不是清单目录或已含两单一图一点时拒绝（退出码 2）。文件中没有任何条目（如 {}，或只有表头的清单）也是错误，多半是给错了文件。
默认逐条用中文列出问题；有错误时退出码为 1，只有警告时为 0。
公布的清单（CSV）无法读取时（缺少必需的列、CSV 格式无法读取的行等），在标准错误上先用中文逐个说明，再附英文原文，退出码为 2；
JSON 文件无法读取时（未知字段、值的类型或写法不对、不是有效的 UTF-8、值之后还有内容等）也是这样，
并指出所在位置（如 units[0]，或不是有效的 JSON 时的行和列）。`,
	Examples: []string{
		"qingdan check register-2020.json",
		"qingdan check -register register-2020.json lists.json",
		"qingdan check -json 权力清单.csv",
		"cat register.json | qingdan check -",
	},
	Setup:   command.Bind[checkOptions],
	MinArgs: 1, MaxArgs: -1,
}

// importOptions are the flags of qingdan import.
type importOptions struct {
	out, org, version string
}

// Flags binds the flags of qingdan import to f.
func (f *importOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.out, "o", "", "写入的 JSON `文件`（覆盖；不能是所读的清单）；不给时写到标准输出")
	fs.StringVar(&f.org, "org", "", "两单一图一点所属的`机关`")
	fs.StringVar(&f.version, "version", "", "清单的`版本`")
}

// importCmd is qingdan import.
var importCmd = &command.Command{
	Name:  "import",
	Args:  "[-o 文件] [-org 名称] [-version 版本] 清单.csv",
	Short: "把公布的权力清单、权责清单或责任清单（CSV，UTF-8 或 GB18030；全国统一格式，或县、乡镇、街道的版式，按表头识别各列）转为 JSON 的两单一图一点",
	Long: `按表头区分清单：有权力类型、项目名称等列的是权力清单；没有这些列而有主要职责（或职责事项）的是责任清单，
读作职责（主要职责、具体工作事项、职责类别、责任科室）及其职责边界（相关部门、职责分工或本部门职责和相关部门职责、相关依据），
没有职责编码列时按序号编为 ZZ-01、ZZ-02……。
在标准错误上报告无法读取的单元格（退出码 1，这些单元格留空）和没有对应字段、原样保存在 extra 中的单元格。
不给 -o 时 JSON 写到标准输出。导入不检查清单整体，导入后用 qingdan check 检查。`,
	Examples: []string{
		"qingdan import -o register.json -org 中庙街道办事处 -version 2020 权力清单.csv",
		"qingdan import -o duties.json -org 中庙街道办事处 责任清单.csv",
		"qingdan import 权力清单.csv | qingdan check -",
	},
	Setup:   command.Bind[importOptions],
	MinArgs: 1, MaxArgs: 1,
}

// renderOptions are the flags of qingdan render.
type renderOptions struct {
	format, out, flow string
}

// Flags binds the flags of qingdan render to f.
func (f *renderOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "dot", "`格式`：dot 或 mermaid")
	fs.StringVar(&f.out, "o", "", "每张流程图写一个文件的`目录`（须已存在；文件以流程图编号命名，编号中字母、数字、- 和 _ 以外的字符写作 _；其中同名的文件被覆盖，所读的文件除外）")
	fs.StringVar(&f.flow, "flow", "", "只画这张流程图（`编号`），写到标准输出")
}

// renderCmd is qingdan render.
var renderCmd = &command.Command{
	Name:  "render",
	Args:  "[-format dot|mermaid] (-o 目录 | -flow 编号) 两单一图一点.json",
	Short: "把权力运行流程图画成 Graphviz DOT 或 Mermaid，廉政风险点按等级着色",
	Long: `-o 给出目录时每张流程图写一个文件（编号.dot 或 编号.mmd，编号中字母、数字、- 和 _ 以外的字符换成 _）；
-flow 只画一张，写到标准输出。DOT 文件用 dot -Tpng F1.dot -o F1.png 出图（须装有中文字体）。`,
	Examples: []string{
		"qingdan render -o 流程图 register-2020.json",
		"qingdan render -format mermaid -flow F-CF register-2020.json",
	},
	Setup:   command.Bind[renderOptions],
	MinArgs: 1, MaxArgs: 1,
}

// testOptions are the flags of qingdan test.
type testOptions struct {
	json, coverage, require bool
}

// Flags binds the flags of qingdan test to f.
func (f *testOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出结果，供程序读取")
	fs.BoolVar(&f.coverage, "coverage", false, "列出每行规则（每个考核项目）的覆盖情况")
	fs.BoolVar(&f.require, "require-coverage", false, "有规则或项目未被任何用例用到时判为不通过（退出码 1）")
}

// testCmd is qingdan test.
var testCmd = &command.Command{
	Name:  "test",
	Args:  "[-json] [-coverage] [-require-coverage] 决策表或考核细则.json 用例.json…",
	Short: "用用例文件检验决策表或考核细则：逐个用例报告通过与否，-coverage 列出每行规则（每个考核项目）由哪些用例用到、哪些从未用到",
	Long: `第一个文件是决策表（有 rules）或考核细则（有 items），按内容判断。用例文件是 JSON 数组，每个用例有 name、
facts（事实）、want（应得的结果）或 err（应拒绝，错误含此文字），与 scoringtest.ReadCases 或
assessmenttest.ReadCases 所读相同。有用例未通过时退出码为 1；给出 -require-coverage 时，有规则或项目
未被任何用例用到也为 1。`,
	Examples: []string{
		"qingdan test policy.json cases.json",
		"qingdan test -coverage -require-coverage policy.json cases.json more-cases.json",
		"qingdan test -coverage sheet.json sheet-cases.json",
	},
	Setup:   command.Bind[testOptions],
	MinArgs: 2, MaxArgs: -1,
}

// whatifOptions are the flags of qingdan whatif.
type whatifOptions struct {
	table, facts, catalog, period string
	json                          bool
}

// Flags binds the flags of qingdan whatif to f.
func (f *whatifOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.table, "table", "", "假设采用的决策表（JSON `文件`）")
	fs.StringVar(&f.facts, "facts", "", "评定所依据的事实（JSON `文件`）")
	fs.StringVar(&f.catalog, "catalog", "", "清单目录（JSON `文件`），从日志读出事实")
	fs.StringVar(&f.period, "period", "", "排名的`期间`：年 2020、月 2020-06、周 2020-W23 或日 2020-06-01")
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出变化，供程序读取")
}

// whatifCmd is qingdan whatif.
var whatifCmd = &command.Command{
	Name:  "whatif",
	Args:  "-table 决策表.json [-facts 事实.json | -catalog 清单目录.json] -period 期间 [-json] 日志.jsonl",
	Short: "假如换一张决策表：把日志记录的评价按原来的事实重新评定，列出等级和排名的变化",
	Long: `日志经校验后重建评价台账（已计入更正），记录不被改动。每项评价所依据的事实有三种来源：
默认取日志随每项评价记下的事实（决策记录；更正记有事实时取最后一次更正的），日志没有记下时退出码为 2；
-facts 给出评定时的事实（JSON 数组，每项如 scoringtest 用例的 facts），按事项、被评单位、评价人和阶段与评价对应；
-catalog 给出清单目录（其中的基层治理事项清单），从日志记下的事项经过按派单所依据的清单版本读出事实——
事项经过里没有街道对办理质量的评判（quality）等，这些事实按未给出计。
-period 给出排名的期间：年（2020）、月（2020-06）、周（2020-W23）或日（2020-06-01）。
有等级或排名变化时退出码为 1，没有时为 0；输入无法读取、日志校验不符或事实与评价对不上时为 2。`,
	Examples: []string{
		"qingdan whatif -table policy-strict.json -period 2020 wuhu.jsonl",
		"qingdan whatif -table policy-strict.json -facts facts.json -period 2020 graded.jsonl",
		"qingdan whatif -json -table policy-strict.json -catalog lists.json -period 2020-06 wuhu.jsonl",
	},
	Setup:   command.Bind[whatifOptions],
	MinArgs: 1, MaxArgs: 1,
}

// journalCmd is qingdan journal.
var journalCmd = &command.Command{
	Name:  "journal",
	Short: "校验留痕日志，打印或签发检查点，为事项或部门的条目开具回执，离线核验回执",
	Subs:  []*command.Command{journalVerifyCmd, journalCheckpointCmd, journalReceiptCmd, journalVerifyReceiptCmd, journalKeygenCmd},
}

// verifyOptions are the flags of journal verify.
type verifyOptions struct{ checkpoint, key string }

// Flags binds the flags of qingdan journal verify to f.
func (f *verifyOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.checkpoint, "checkpoint", "", "已公布的签名检查点`文件`")
	fs.StringVar(&f.key, "key", "", "日志的公钥（验证密钥）`文件`，核验检查点的签名")
}

// journalVerifyCmd is qingdan journal verify.
var journalVerifyCmd = &command.Command{
	Name:  "journal verify",
	Args:  "[-checkpoint 检查点 -key 公钥] 日志.jsonl",
	Short: "校验日志的每一条及其哈希链；给出已公布的签名检查点时，另证明日志仍包含检查点时的全部条目",
	Long:  "日志完整时退出码为 0；被改动、删除、截短或与检查点不符时为 1，并指出第一处不符的行。",
	Examples: []string{
		"qingdan journal verify wuhu.jsonl",
		"qingdan journal verify -checkpoint 2020-12.checkpoint -key wuhu.pub wuhu.jsonl",
	},
	Setup:   command.Bind[verifyOptions],
	MinArgs: 1, MaxArgs: 1,
}

// checkpointOptions are the flags of journal checkpoint.
type checkpointOptions struct{ origin, sign string }

// Flags binds the flags of qingdan journal checkpoint to f.
func (f *checkpointOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.origin, "origin", "", "检查点的`名称`（日志和密钥的名称）；用 -sign 时取密钥的名称")
	fs.StringVar(&f.sign, "sign", "", "签名用的私钥（签名密钥）`文件`")
}

// journalCheckpointCmd is qingdan journal checkpoint.
var journalCheckpointCmd = &command.Command{
	Name:  "journal checkpoint",
	Args:  "(-origin 名称 | -sign 私钥) 日志.jsonl",
	Short: "校验日志并打印其检查点（名称、条数、默克尔树根）；给出私钥时打印签名的检查点，供公布",
	Examples: []string{
		"qingdan journal checkpoint -origin wuhu.example/2020 wuhu.jsonl",
		"qingdan journal checkpoint -sign wuhu.key wuhu.jsonl > 2020-12.checkpoint",
	},
	Setup:   command.Bind[checkpointOptions],
	MinArgs: 1, MaxArgs: 1,
}

// receiptOptions are the flags of journal receipt.
type receiptOptions struct {
	checkpoint, key, matter, subject, out string
}

// Flags binds the flags of qingdan journal receipt to f.
func (f *receiptOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.checkpoint, "checkpoint", "", "签名检查点`文件`（journal checkpoint -sign 所出）")
	fs.StringVar(&f.key, "key", "", "日志的公钥`文件`")
	fs.StringVar(&f.matter, "matter", "", "事项`编号`：为它的事件、评价和更正开回执")
	fs.StringVar(&f.subject, "subject", "", "单位`编号`：为它受到的评价和更正开回执")
	fs.StringVar(&f.out, "o", "", "写入回执的`文件`（覆盖；不能是所读的日志、检查点或公钥）；不给时写到标准输出")
}

// journalReceiptCmd is qingdan journal receipt.
var journalReceiptCmd = &command.Command{
	Name:  "journal receipt",
	Args:  "-checkpoint 检查点 -key 公钥 (-matter 事项 | -subject 单位) [-o 文件] 日志.jsonl",
	Short: "为一件事项的全部条目，或一个单位受到的全部评价及其更正，开具回执（每行一张，JSON）",
	Long: `回执证明条目在签名检查点所记的日志中，持有者凭公钥和已公布的检查点即可离线核验（qingdan journal verify-receipt -checkpoint）。
检查点须是这份日志的，且其中须有所求的条目，否则退出码为 1；检查点之后追加的条目不开回执。`,
	Examples: []string{
		"qingdan journal receipt -checkpoint 2020-12.checkpoint -key wuhu.pub -subject cgj -o cgj.receipts wuhu.jsonl",
		"qingdan journal receipt -checkpoint 2020-12.checkpoint -key wuhu.pub -matter WH2020-0001 wuhu.jsonl",
	},
	Setup:   command.Bind[receiptOptions],
	MinArgs: 1, MaxArgs: 1,
}

// verifyReceiptOptions are the flags of journal verify-receipt.
type verifyReceiptOptions struct{ key, checkpoint string }

// Flags binds the flags of qingdan journal verify-receipt to f.
func (f *verifyReceiptOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.key, "key", "", "日志的公钥`文件`")
	fs.StringVar(&f.checkpoint, "checkpoint", "", "持有者见过的已公布签名检查点`文件`：回执须是对它开具的")
}

// journalVerifyReceiptCmd is qingdan journal verify-receipt.
var journalVerifyReceiptCmd = &command.Command{
	Name:  "journal verify-receipt",
	Args:  "-key 公钥 [-checkpoint 检查点] 回执文件",
	Short: "凭日志的公钥离线核验回执（每行一张），列出每张回执证明的条目；给出已公布的检查点时，另核对回执是对它开具的",
	Long: `只凭公钥，回执证明条目在持钥者签发的某个检查点所记的日志中；持钥者若改写日志（分叉）后用同一密钥签发新检查点，
所开回执同样通过。给出持有者见过的已公布检查点（-checkpoint）时，回执所带的检查点须与它相同（条数、树根一致），
否则不通过：分叉的回执由此被发现；对其他检查点（包括同一日志更晚的检查点）开具的回执，须另有一致性证明（journal.VerifyConsistency）。
回执只证明条目在日志中，不证明其后没有对它的更正：更正是另一条目，有它自己的回执。
全部核验通过时退出码为 0；有一张不通过时为 1；有一行不是回执（无法读取）时为 2，其余各行照常核验。`,
	Examples: []string{
		"qingdan journal verify-receipt -key wuhu.pub cgj.receipts",
		"qingdan journal verify-receipt -key wuhu.pub -checkpoint 2020-12.checkpoint cgj.receipts",
	},
	Setup:   command.Bind[verifyReceiptOptions],
	MinArgs: 1, MaxArgs: 1,
}

// keygenOptions are the flags of journal keygen.
type keygenOptions struct{ name, signer string }

// Flags binds the flags of qingdan journal keygen to f.
func (f *keygenOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.name, "name", "", "密钥和日志的`名称`，如 wuhu.example/2020")
	fs.StringVar(&f.signer, "signer", "", "写入私钥的新`文件`（权限 0600）")
}

// journalKeygenCmd is qingdan journal keygen.
var journalKeygenCmd = &command.Command{
	Name:  "journal keygen",
	Args:  "-name 名称 -signer 私钥文件",
	Short: "生成日志的签名密钥对：私钥写入 -signer 给出的新文件（已有则拒绝），公钥打印到标准输出，供公布",
	Examples: []string{
		"qingdan journal keygen -name wuhu.example/2020 -signer wuhu.key > wuhu.pub",
	},
	Setup:   command.Bind[keygenOptions],
	MinArgs: 0, MaxArgs: 0,
}

// diffOptions are the flags of qingdan diff.
type diffOptions struct {
	json bool
	kind string
}

// Flags binds the flags of qingdan diff to f.
func (f *diffOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "以 JSON 输出变更，供程序读取")
	fs.StringVar(&f.kind, "kind", "", kindsHelp)
}

// diffCmd is qingdan diff.
var diffCmd = &command.Command{
	Name:  "diff",
	Args:  "[-json] [-kind 类型] 旧文件 新文件",
	Short: "比较两个版本的两单一图一点、公布的权力清单或责任清单（CSV）、基层治理事项清单、准入清单或清单目录，列出新增、删除和变更的条目",
	Long:  `两个清单目录逐一比较其中的两单一图一点、事项清单和准入清单。和 diff 一样，相同时退出码为 0，有变更时为 1。`,
	Examples: []string{
		"qingdan diff register-2019.json register-2020.json",
		"qingdan diff -json -kind directory routes-2019.json routes-2020.json",
		"qingdan diff 权力清单-2019.csv 权力清单-2020.csv",
	},
	Setup:   command.Bind[diffOptions],
	MinArgs: 2, MaxArgs: 2,
}
