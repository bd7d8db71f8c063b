package accountability

import "io"

// PowerReader reads published power lists. The zero PowerReader, and a
// nil *PowerReader, read every layout [ReadPowersCSV] documents: lists of
// powers and responsibilities as sub-districts, townships and county
// departments publish them (excerpts of real ones are in
// testdata/published), catalogues that name the powers with no basis
// (权责清单目录), duties whose headings stand on lines over their text, and
// bases and cases run together on one line. Categories
// adds a locality's own spellings of a category, tried before the
// built-in ones, so that a host can also read a built-in spelling its own
// way. A PowerReader is not modified by reading and may be shared by
// concurrent readers.
//
// Rows that continue a power, where a list merged an item's cells over
// several rows, are read as ReadPowersCSV says: a row whose filled cells
// are all of multi-valued columns (bases, duties, cases) or of columns the
// reader does not model (责任岗位, 备注, …, kept in [Power.Extra]) adds to
// the power on the row right above it (not after a blank row), the latter
// on a line after the power's cell, as if the merged cell held both; such
// a row is never a power of its own, nor dropped. A row that fills any other column (序号, a subject, a limit) is
// a power of its own, its blank name and category reported as bad cells.
type PowerReader struct {
	// Categories maps a 权力类型 cell, trimmed (or, failing that, with no
	// spaces inside it), to its category, such as "行政审批" to
	// [Licensing] where a county still uses the old name.
	Categories map[string]Category
}

// ReadPowersCSV imports a power list from a CSV export of a spreadsheet,
// as published: in UTF-8 or in GB18030 (of which GBK and GB2312 are parts:
// what Excel saves a Chinese "CSV" in), found from the file's beginning. A
// file in neither, or in UTF-16, is refused with an error that names the
// encodings, and so is a header holding a zero byte, which only UTF-16
// text would have; a later cell that is not text of the file's encoding
// is a bad cell. It reads as the zero [PowerReader] does.
//
// Columns are found by header, in any order; a byte-order mark and spaces
// in headers are ignored. The layouts of a power list (项目名称, 权力类型,
// 项目编码, 实施主体), of a power and responsibility list (职权名称,
// 职权类型, 职权编码, 行使主体 or 法定主体, 承办机构), of the national
// government-service catalogue (事项名称, 事项类型, 事项编码) and of county
// and sub-district lists are read. Every accepted header, by what it holds:
//   - the serial number: 序号;
//   - the category: 权力类型, 权力类别, 事项类型, 事项类别, 职权类型, 职权类别,
//     权种类别, 权种类型, 类别;
//   - the code: 项目编码, 权力编码, 事项编码, 职权编码, 实施编码, 编码; the parent
//     item's code: 主项编码;
//   - the name: 项目名称, 权力名称, 事项名称, 职权名称, 主项名称, 权力事项名称;
//     the sub-item: 子项, 子项名称;
//   - the bases, of three kinds of [Basis]: 设定依据 ([Setting]); 实施依据,
//     法律依据, 依据 ([Implementing]); 职权依据, 设定和实施依据, 事项依据 (no kind
//     stated);
//   - 责任事项; 追责情形 or 问责情形;
//   - the subject: 实施主体, 责任主体, 法定主体, 行使主体, 实施单位, 机构名称,
//     部门; the office: 承办机构, 承办科室, 承办单位, 责任处室; the tier:
//     实施层级, 行使层级; 审核转报 or 是否审核转报;
//   - the limits: 法定时限, 法定期限, 法定办结时限; 承诺时限, 承诺期限,
//     承诺办结时限; the flowchart's ID: 流程图, 流程图编号.
//
// A category and a name must be present; a list without one of them is
// refused outright. A code need not be: most county and sub-district lists
// publish none, and their powers' Code is left blank, which
// [Register.Validate] reports (power.required). Nor need a basis: a
// catalogue of powers (权责清单目录: 序号, 权力类型, 事项名称, 备注) names
// them with no basis column, and their powers have no Basis, which
// Register.Validate reports (power.basis). A column of any
// other header (备注, 基本编码, …) is not dropped: each row's non-blank cell
// in it is kept in [Power.Extra] under the header (with those of the rows
// that continue the row's power, below, on lines after it).
//
// Cells:
//   - 权力类型 is a [Category]: its code, its label (行政许可), the short
//     label (许可), a provincial spelling (行政监督, 行政征收征用, 其他职权), a
//     category of its own (公共服务, 审核转报, 内部管理), or the national
//     item-type code (1 行政许可 … 10 其他行政权力, 20 公共服务; 01 … 09 too;
//     of ASCII or full-width digits, "２０", which read alike).
//     Spaces inside the cell are ignored ("行政 许可" is 行政许可).
//     行政调解 (administrative mediation) is an administrative power of
//     none of the nine named kinds: it reads as [OtherPower] (其他行政权力,
//     where the national catalogue files such items), with the cell kept
//     in Extra under 权力类型; a host that reads it otherwise says so in
//     [PowerReader.Categories].
//     项目名称 must not be blank; 项目编码 may be. 序号, if given, is a whole number
//     (of ASCII or full-width digits, "１２", which read alike).
//     A number left in 项目名称 as the table numbers the item ("1、伪造…的处罚")
//     is removed where it is clearly one: the row's 序号 is that number
//     ("1、…", "1.…", "（1）…"), or the row has no 序号 and 、 marks it
//     with no digit after it; digits of the name ("12345热线…", "3、5号线"
//     with no 序号), a decimal and another number stay.
//   - Multi-valued cells (设定依据, 实施依据, 职权依据, 责任事项, 追责情形)
//     hold one value a line: they are split at line breaks (and a duty line
//     at its numbers, a basis line before a second citation, below), never
//     at "；" alone, because legal text uses "；" inside one article. Blank
//     lines are skipped, and
//     a leading number such as "1." "2、" "（3）" is removed from a duty or
//     liability. The digits of a number may be ASCII or full width
//     ("１．", "２、", "（３）"): they read alike, in numbering and in
//     splitting (below), and stay as written inside text ("罚款１０元").
//     The first line of 追责情形, when it has no number, ends in a colon
//     and a case follows it, is the line that introduces the cases
//     ("因不履行或不正确履行行政职责，有下列情形的，…应承担相应责任："): it is
//     kept whole as [Power.LiabilityHeading], not as a case; where that
//     line holds the cases too ("…应承担相应责任：1.x；2.y"), the heading is
//     its text up to the colon that "1.", "1、" or "（1）" follows, and
//     the rest its cases, if they are two or more ("第十条：1、2款规定的"
//     is one case). A line that numbers several cases on it
//     ("1.未按规定受理的；2.…；3.…") is split as a line of duties is
//     (below).
//   - A basis line reads "《法律名称》第X条：条文", or "1.《法律名称》…" with
//     its number ("1." "2、" "（3）"), which is removed; the law's name is
//     taken from the book-title marks. What comes before them, if it is the
//     law's issuer, a tag of its rank ("【法律】《…》"), or both, is the
//     basis's Prefix. An issuer is a body ("外交部《…》", "全国人大常委会",
//     "省人民政府": a name of up to 30 Chinese characters that ends as a
//     body's name does, in 部, 局, 委, 会, 院, 厅, 办, 府, 司, 中心, 中央,
//     人大, 联, …) or several, joint, with spaces or "、" between them
//     ("中共中央办公厅 国务院办公厅", up to 60 characters in all); a verb
//     that ends so (签署, 承办) is none, nor a clause ("根据…", "贯彻落实党中央"). A note
//     in parentheses after them ("《…条例》(2011年国务院令第588号)第十八条",
//     "(…)" or "（…）", with parentheses of its own counted) is the basis's
//     Note, without the parentheses (one never closed is not a note). Then
//     comes the article up to the colon (or, where the text follows with no
//     colon, the article at its start: "第三十一条从事…" is 第三十一条, then
//     its text), and the text after it. A line that is only an article
//     ("第四十九条…") after one that cites a law in 《》 is that citation's
//     article where it has neither article nor text ("【法律】《…法》",
//     then "第十二条 …" on the next line: one basis), else another article
//     of that law. A line that is only a tag of rank ("【法律】", "1、【行政法规】")
//     is, without its number, the Prefix of the citation on the line after
//     it (or on the first line of the next row, where that row continues
//     the cell), before that citation's issuer; where that line cites no
//     law or has a tag of its own, or no line follows, the tag is a line
//     as any other. Any other line (with no 《》, or with text before them
//     that is no prefix) is taken whole as the law. A line that cites a
//     second law after the first citation's text ("《A法》第五条：…；《B条例》第九条：…")
//     is read as two lines, split after a "；", ";" or "。" (which stays
//     with the first) that is outside parentheses and 《》 and is followed
//     by a citation and its article that begins a basis of its own: one
//     numbered ("；2、《B》…"), one after a citation with no text
//     ("《A》第五条；《B》第九条…"), or one whose article a colon, a "；"
//     or "。", white space or the end of the line follows. A law named in the text
//     with no article after it ("…；《C法》规定的除外"), or with text right
//     after its article ("《A法》第十条：依照《B法》第九条处罚；《C法》第三十三条
//     规定的情形除外"), splits nothing.
//     So is a line that gives a second article of its law after the first
//     one's text ("《A法》第十六条：…。第十八条：…", 湘阴县林业局), split
//     after a "；", ";" or "。" so placed that an article and a colon
//     follow: the second basis is of the same law (without the first's
//     prefix and note); an article with no colon after it ("。第六条规定…"),
//     or after a line that cites no law, splits nothing. A power's bases are
//     those of 设定依据, then those of 实施依据, then those of 职权依据.
//   - A duty line reads "受理责任：内容" (or "受理阶段责任：", "受理环节责任：",
//     "受理：内容"), the prefix being a [Stage] label such as 受理, 审查,
//     审理, 调查取证, 决定, 送达, 执行, 事后监管.
//     A "…责任：" heading that names no stage of ours (检查责任, 处置责任 in
//     an inspection) gives a duty of [OtherStage] whose text is the whole
//     line, heading included, so nothing is lost. A line with no heading is a
//     duty with no stage, but where a heading stands alone on the line
//     before it ("1.立案责任：", as a table that puts each heading over its
//     text has it): the lines after such a heading that have neither a
//     number nor a heading are its text, joined with nothing between them.
//     A line over the duties that names a section of a procedure, with no
//     number of digits ("一般程序:", "二、简易程序：": a number of up to
//     three Chinese numerals, if any, up to ten Chinese characters ending
//     in 程序, then a colon, a space at most before it) goes, as written, before
//     the text of each duty after it up to the next such line ("一般程序:
//     予以审查。"; after the heading an [OtherStage] duty keeps, "检查责任:
//     一般程序:…"), so that each duty says its procedure and what is
//     written reads back the same; a section that no duty follows is a
//     duty of its own, and one right after a heading alone on its line
//     the first line of that heading's text.
//     A line that numbers several duties on it
//     ("1、受理责任：… 2、审核责任：…", "1.受理责任：…；2.审核责任：…") is
//     split before each number that follows the one before in sequence,
//     marked as the first is (、, . or ．, or in parentheses of the first's
//     width: "（1）…；（2）…", "(1)… (2)…"), and stands after white space,
//     "。" or "；" (";"): a number out of sequence (1 to 6, then 9), after
//     other text ("第1、2款") or marked . before a digit (a decimal, 2.5),
//     stays in the duty's text, as does "第(2)项" and all of a line that
//     does not start with "1、", "1.", "1．", "（1）" or "(1)"; "；" alone
//     splits nothing.
//   - 法定时限 and 承诺时限 are working days: "20", "20个工作日", "20日",
//     of ASCII or full-width digits ("２０个工作日", which reads alike);
//     blank, "无" and "—" are 0; so is work done on the spot ("即时办结",
//     "即办", "当场办结"), whose word is kept in Extra under the column's
//     header (法定时限 or 承诺时限). "20天" reads as 20 with the cell kept
//     in Extra the same way, since lists write 天 for working and calendar
//     days alike; "20个自然日" is not working days, and is a bad cell.
//
// Parent items and sub-items (主项, 子项) are kept as the list has them: a
// row with a 子项 is a sub-item, with its own code; its Parent is its
// 主项编码 cell where that cell is filled, else (the list has no such
// column, or left the cell blank) the code of the row just before its run
// of sub-items when that row is the parent item itself (same name, no
// 子项). Where the spreadsheet merged the parent's cells
// over its sub-items, a sub-item's blank name, type, subject, office and
// tier are the parent's.
//
// A cell that begins with an apostrophe followed by =, +, -, @, a tab, a
// carriage return or another apostrophe is read without that apostrophe,
// as a spreadsheet program reads it: it is how [WritePowersCSV]
// neutralises a formula, and what it wrote reads back as it was.
//
// Every row becomes a power, in order, but two kinds: a row whose every
// cell is blank is skipped, and a row whose only filled cells are
// multi-valued (设定依据, 实施依据, 职权依据, 责任事项, 追责情形) or of
// columns kept in Extra (责任岗位, 备注, …), right after a row that is a
// power (or one that continues it), continues that power: where the
// spreadsheet merged an item's cells over several rows, it holds the
// item's next duty, case or basis, or more of a column the importer does
// not model, and they are added to the power's (a line introducing cases
// is its LiabilityHeading if it has neither that nor cases yet, else a
// case; a basis goes after the power's others of its column, its line read
// as the line after the cell above it: "第十二条…" under "《…法》" is that
// citation's article; a cell kept in Extra goes on a line after the
// power's under its header, as if the cell above it held both). A row with
// any other cell filled (序号, 实施主体, …), or after a blank row, is a
// power of its own, whose blank name and category are bad cells. Every
// bad cell is reported (the first [MaxBadCells] of
// them, and a last CellError that counts the others): the error is then a
// *[CSVError] listing each with its row and column and what is wrong, in
// English and in Chinese ([CellError.Chinese]), and the powers are
// still returned (bad cells left at their zero value) so the caller can
// show them. A cell longer than [MaxCellBytes] is a bad cell, read as
// blank. A missing required column, a header cell longer than
// MaxCellBytes, a row of more than [MaxColumns] cells, a file that cannot
// be read, and a text longer than [MaxCSVBytes] (an error wrapping
// [ErrInvalid]) fail the whole import. A
// record the CSV format cannot read (a stray quote: a *[RecordError],
// wrapping ErrInvalid and the *csv.ParseError, joined after the CSVError
// of the bad cells before it, if any) ends it, with the powers of the rows
// before it.
// The importer does not validate the list as a whole; run
// [Register.Validate] for that.
func ReadPowersCSV(r io.Reader) ([]Power, error) {
	mustReader(r, "ReadPowersCSV")
	return (*PowerReader)(nil).ReadCSV(r)
}

// ReadPowerRows imports a power list from rows of cells, the header row
// first, as a host gets them from a spreadsheet library (an .xlsx file read
// with excelize) or a database; it reads them as [ReadPowersCSV] reads the
// records of a CSV file, and as the zero [PowerReader] does. A cell
// error's Line is the row's number. The rows are not modified.
func ReadPowerRows(rows [][]string) ([]Power, error) { return (*PowerReader)(nil).ReadRows(rows) }

// ReadCSV reads a power list from CSV as [ReadPowersCSV] does, with the
// reader's own spellings.
func (pr *PowerReader) ReadCSV(r io.Reader) ([]Power, error) {
	mustReader(r, "PowerReader.ReadCSV")
	src, gb, err := csvSource(r, powerList)
	if err != nil {
		return nil, err
	}
	return pr.read(src, gb)
}

// ReadRows reads a power list from rows of cells as [ReadPowerRows] does,
// with the reader's own spellings.
func (pr *PowerReader) ReadRows(rows [][]string) ([]Power, error) {
	return pr.read(&rowSource{rows: rows}, false)
}

// powerList names a power list in errors.
const powerList = "power list"

// read reads the records of src; gb says they were decoded from GB18030.
func (pr *PowerReader) read(src source, gb bool) ([]Power, error) {
	var powers []Power
	parent, named := -1, -1  // the last parent item (no 子项) and the last row with a name
	last := -1               // the power of the record just before, -1 after a blank one
	var bc basisCells        // last's bases, while records continue it
	more := make(extraLines) // last's Extra, while records continue it
	// ended sets last's bases and Extra once no more records continue it.
	ended := func() {
		if bc.continued {
			powers[last].Basis, bc.continued = bc.join(), false
			more.addTo(&powers[last].Extra)
		}
	}
	t := table{list: powerList, cols: powerColumns, gb: gb, end: ended,
		blank: func() {
			ended()
			last = -1
		},
		row: func(rc *rowCells) {
			var prev *Power
			if named >= 0 {
				prev = &powers[named]
			}
			cont := last >= 0 && rc.continues(multiValued)
			if !cont {
				ended()
			}
			p := pr.readPowerRow(rc, prev, cont, &bc)
			if cont {
				bc.continued = true
				more.add(powers[last].Extra, p.Extra)
				powers[last].continueWith(&p)
				return
			}
			if p.Parent == "" && p.Sub != "" && parent >= 0 && powers[parent].Name == p.Name && powers[parent].Code != p.Code {
				p.Parent = powers[parent].Code
			}
			powers = append(powers, p)
			last = len(powers) - 1
			if p.Name != "" {
				named = len(powers) - 1
			}
			if p.Sub == "" {
				parent = len(powers) - 1
			}
		},
	}
	whole, err := t.read(src)
	if whole {
		return nil, err
	}
	return powers, err
}
