"""Builds OUT/<suite>/{pdfs,cases.json} (default /tmp/suites) from local mirrors of camelot, tabula-java and
pdfplumber (bare git directories, e.g. as the workplace's fetch tool brings them): their test PDFs and the tables
their tests expect, a held-out measure of the PDF table finder (scripts/table-suites/score.ts, docs/performance.md).
Nothing here is committed from those repositories; camelot's expectations are read from tests/data.py as literals
(ast.literal_eval), never run.

Usage: python3 scripts/table-suites/build.py [OUT]   (mirror paths below, or CAMELOT_GIT / TABULA_GIT / PDFPLUMBER_GIT)
"""
import ast, csv, io, json, os, re, subprocess, shutil, sys
CAM = os.environ.get("CAMELOT_GIT", "/work/.mirror/camelot-dev+camelot/repo")
TAB = os.environ.get("TABULA_GIT", "/work/.mirror/tabulapdf+tabula-java/repo")
PLB = os.environ.get("PDFPLUMBER_GIT", "/work/.mirror/jsvine+pdfplumber/repo")
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/suites"

def show(git, path):
    return subprocess.run(["git", f"--git-dir={git}", "show", f"HEAD:{path}"], check=True, capture_output=True).stdout

def put(suite, git, path):
    d = os.path.join(OUT, suite, "pdfs"); os.makedirs(d, exist_ok=True)
    dst = os.path.join(d, os.path.basename(path))
    with open(dst, "wb") as f: f.write(show(git, path))
    return dst

def literals(source):
    """The module's NAME = value assignments where the value is a literal, an earlier name, a slice or index of
    one, a copy (list(x)), or a sum of such (data_stream = data_hybrid[1:]): evaluated by hand, nothing of the module is run."""
    out = {}

    def value(node):
        if isinstance(node, ast.Name):
            return out[node.id]
        if isinstance(node, ast.Subscript):
            base = value(node.value)
            s = node.slice
            if isinstance(s, ast.Slice):
                part = lambda n: None if n is None else ast.literal_eval(n)
                return base[part(s.lower):part(s.upper):part(s.step)]
            return base[ast.literal_eval(s)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return value(node.left) + value(node.right)
        # list(name): a copy.
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "list" and len(node.args) == 1 and not node.keywords:
            return list(value(node.args[0]))
        return ast.literal_eval(node)

    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = value(node.value)
            except (ValueError, KeyError, TypeError, IndexError):
                pass
    return out

ns = literals(show(CAM, "tests/data.py").decode())
cases = {"camelot-lattice": [], "camelot-stream": [], "tabula": [], "pdfplumber": []}
def add(suite, git, path, page, name, rows, src):
    rows = [["" if v is None else str(v) for v in r] for r in rows]
    cases[suite].append({"id": f"{suite}/{name}", "file": put(suite, git, path), "page": page, "expected": rows, "source": src})

L = "camelot-lattice"
for f in ["clockwise_table_1", "anticlockwise_table_1"]:
    add(L, CAM, f"tests/files/{f}.pdf", 1, f, ns["data_lattice_table_rotated"], "data_lattice_table_rotated")
add(L, CAM, "tests/files/twotables_2.pdf", 1, "twotables_2#1", ns["data_lattice_two_tables_1"], "data_lattice_two_tables_1")
add(L, CAM, "tests/files/twotables_2.pdf", 1, "twotables_2#2", ns["data_lattice_two_tables_2"], "data_lattice_two_tables_2")
add(L, CAM, "tests/files/table_region.pdf", 1, "table_region", ns["data_lattice_table_regions"], "data_lattice_table_regions")
add(L, CAM, "tests/files/background_lines_1.pdf", 1, "background_lines_1", ns["data_lattice_process_background"], "data_lattice_process_background")
add(L, CAM, "tests/files/row_span_1.pdf", 1, "row_span_1", ns["data_lattice_copy_text"], "data_lattice_copy_text (copy_text=v)")
add(L, CAM, "tests/files/column_span_2.pdf", 1, "column_span_2", ns["data_lattice_shift_text_left_top"], "data_lattice_shift_text_left_top")
add(L, CAM, "tests/files/tabula/arabic.pdf", 1, "arabic", ns["data_arabic"], "data_arabic")
add(L, CAM, "tests/files/split_text_lattice.pdf", 1, "split_text_lattice", ns["data_lattice_split_text"], "data_lattice_split_text")

S = "camelot-stream"
add(S, CAM, "tests/files/health.pdf", 1, "health", ns["data_stream"], "data_stream")
for f in ["clockwise_table_2", "anticlockwise_table_2"]:
    add(S, CAM, f"tests/files/{f}.pdf", 1, f, ns["data_network_table_rotated"], "data_network_table_rotated")
add(S, CAM, "tests/files/tabula/12s0324.pdf", 1, "12s0324#1", ns["data_network_two_tables_1"], "data_network_two_tables_1")
add(S, CAM, "tests/files/tabula/12s0324.pdf", 1, "12s0324#2", ns["data_network_two_tables_2"], "data_network_two_tables_2")
add(S, CAM, "tests/files/multiple_tables.pdf", 1, "multiple_tables#1", ns["data_network_two_tables_b_1"], "data_network_two_tables_b_1")
add(S, CAM, "tests/files/multiple_tables.pdf", 1, "multiple_tables#2", ns["data_network_two_tables_b_2"], "data_network_two_tables_b_2")
add(S, CAM, "tests/files/vertical_header.pdf", 1, "vertical_header", ns["data_network_vertical_headers"], "data_network_vertical_headers")
add(S, CAM, "tests/files/mexican_towns.pdf", 1, "mexican_towns", ns["data_stream_columns"], "data_stream_columns (columns given)")
add(S, CAM, "tests/files/tabula/m27.pdf", 1, "m27", ns["data_network_split_text"], "data_network_split_text (columns given)")
sup = [[re.sub(r"</?s>", "", c) for c in r] for r in ns["data_network_flag_size"]]
add(S, CAM, "tests/files/superscript.pdf", 1, "superscript", sup, "data_network_flag_size, <s> tags stripped")
add(S, CAM, "tests/files/detect_vertical_false.pdf", 1, "detect_vertical_false", ns["data_stream_layout_kwargs"], "data_stream_layout_kwargs")
add(S, CAM, "tests/files/edge_tol.pdf", 1, "edge_tol", ns["data_network_edge_tol"], "data_network_edge_tol")
add(S, CAM, "tests/files/stream_inner_outer_columns.pdf", 1, "stream_inner_outer_columns", ns["data_stream_inner_outer_columns"], "data_stream_inner_outer_columns")

def csvrows(p):
    return [r for r in csv.reader(io.StringIO(show(TAB, f"src/test/resources/technology/tabula/csv/{p}").decode()))]
T = "tabula"
R = "src/test/resources/technology/tabula/"
for name, page in [("spanning_cells", 1), ("spreadsheet_no_bounding_frame", 1), ("Publication_of_award_of_Bids_for_Transport_Sector__August_2016", 1),
                   ("indictb1h_14", 1), ("argentina_diputados_voting_record", 1), ("schools", 1), ("frx_2012_disclosure", 1), ("AnimalSounds", 1)]:
    add(T, TAB, R + name + ".pdf", page, name, csvrows(name + ".csv"), f"csv/{name}.csv")
# twotables.csv: two tables one after another; split where the column count changes
rows = csvrows("twotables.csv"); parts = [[rows[0]]]
for r in rows[1:]:
    (parts[-1].append(r) if len(r) == len(parts[-1][-1]) else parts.append([r]))
for i, p in enumerate(parts):
    add(T, TAB, R + "twotables.pdf", 1, f"twotables#{i+1}", p, f"csv/twotables.csv part {i+1} ({len(p)} rows)")

P = "pdfplumber"
add(P, PLB, "tests/pdfs/issue-140-example.pdf", 1, "issue-140-lastrow",
    [["", "0085648100300", "CENTRAL KMA", "LILYS 55% DARK CHOC BAR", "415", "$ 0.61", "$ 253.15", "0.0000", ""]], "test_table.py test_orientation_errors: t[-1] (partial: last row)")
add(P, PLB, "tests/pdfs/senate-expenditures.pdf", 1, "senate-expenditures-lastrow",
    [["DHAW20190070", "09/09/2019", "CITIBANK - TRAVEL CBA CARD", "08/12/2019", "08/14/2019"]], "test_table.py test_text_tolerance: t_tol[-1] (partial: last row)")

for s, cs in cases.items():
    os.makedirs(os.path.join(OUT, s), exist_ok=True)
    with open(os.path.join(OUT, s, "cases.json"), "w") as f: json.dump(cs, f, ensure_ascii=False, indent=1)
    print(s, len(cs), "cases")
