#!/usr/bin/python3
"""The openpyxl baseline of bench/scale: what `gpuroi convert --no-memos` does, written the way a
Python analyst would, so the two can be timed side by side on the same workbook.

    /usr/bin/python3 bench/openpyxl_convert.py fleet.xlsx fleet.py.xlsx

Reads the Fleet sheet (the columns of the generated bench workbooks: ids, GPUs, capex, status,
purchase date, life, residual, power, PUE, electricity, opex, utilization, start price, price
path), computes each cluster's monthly cash flows (the conventions of the README's model section)
and its IRR by bisection, and writes a workbook with the input's sheets (values), a cash-flow sheet
of the same 16 columns as ROI Cash Flows (the same formulas as text; openpyxl stores no cached
results) and a summary sheet. It uses openpyxl's fastest modes: read-only to read, write-only to
write. It is a benchmark, not a second reader: text forms other than the generated ones are not
handled.

Needs openpyxl: `apt-get install python3-openpyxl` (Debian) or `pip install openpyxl`.
"""
import datetime
import sys

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.stderr.write("openpyxl is not installed: apt-get install python3-openpyxl (or pip install openpyxl)\n")
    sys.exit(3)

HOURS = 730.0
VALUATION = datetime.date(2026, 1, 1)
DISCOUNT_RATE = 0.10
MARKETPLACE_FEE = 0.0


def number(value):
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(",", "").replace("$", "")
    if text.endswith("%"):
        return float(text[:-1]) / 100.0
    return float(text)


def start_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if value is None or str(value).strip() == "":
        return VALUATION
    return datetime.date.fromisoformat(str(value).strip())


def price_at(path, p0, month):
    t = (month - 0.5) / 12.0
    if path == "" or path == "flat":
        return p0
    kind, _, rest = path.partition(":")
    if kind == "blended":
        end, years = (float(x) for x in rest.split(":"))
        return p0 * (1 - (1 - end) * min(t, years) / years)
    if kind == "decline":
        return p0 * (1 - float(rest)) ** t
    if kind == "custom":
        step, _, values = rest.partition(":")
        multipliers = [float(x) for x in values.split(",")]
        index = int(t) if step == "yearly" else month - 1
        return p0 * multipliers[min(index, len(multipliers) - 1)]
    raise ValueError("price path " + path)


def npv(rate, flows):
    total = 0.0
    factor = 1.0
    for flow in flows:
        total += flow * factor
        factor /= 1 + rate
    return total


def irr_by_bisection(flows):
    low, high = -0.99, 10.0
    f_low = npv(low, flows)
    if f_low * npv(high, flows) > 0:
        return None
    for _ in range(100):
        mid = (low + high) / 2
        f_mid = npv(mid, flows)
        if f_low * f_mid <= 0:
            high = mid
        else:
            low, f_low = mid, f_mid
        if high - low < 1e-12:
            break
    monthly = (low + high) / 2
    return (1 + monthly) ** 12 - 1


def add_months(date, months):
    y, m = divmod(date.month - 1 + months, 12)
    year, month = date.year + y, m + 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(date.day, last))


def main(source, target):
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    out = openpyxl.Workbook(write_only=True)
    rows_by_sheet = {}
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        rows_by_sheet[sheet.title] = rows
        copy = out.create_sheet(sheet.title)
        for row in rows:
            copy.append(row)
    book.close()

    fleet = rows_by_sheet["Fleet"]
    header = [str(h).strip() if h is not None else "" for h in fleet[0]]
    col = {name: i for i, name in enumerate(header)}
    flows_sheet = out.create_sheet("ROI Cash Flows")
    flows_sheet.append(["Cluster id", "Month", "Date (month end)", "Price per GPU-hr (month midpoint)", "Utilized GPU-hours",
                        "Revenue (after fee)", "Power", "Other opex", "Capex", "Residual value", "Net cash flow",
                        "Cumulative net", "Discount factor (to valuation date)", "Discounted net",
                        "GPUs under lessor contracts", "Contract revenue (incl. prepayment)"])
    summary = []
    row_number = 2
    for index, values in enumerate(fleet[1:]):
        if values is None or values[col["Cluster id"]] in (None, ""):
            continue
        cluster = str(values[col["Cluster id"]])
        gpus = number(values[col["GPUs"]])
        capex_per_gpu = number(values[col["Capex per GPU"]])
        life = int(number(values[col["Useful life (years)"]]) * 12)
        residual_share = number(values[col["Residual value"]])
        kw = number(values[col["Power per GPU (kW)"]])
        pue = number(values[col["PUE"]])
        electricity = number(values[col["Electricity ($/kWh)"]])
        opex = number(values[col["Other opex per GPU-month"]])
        utilization = number(values[col["Utilization"]])
        p0 = number(values[col["Start price ($/GPU-hr)"]])
        path = str(values[col["Price path"]] or "").strip()
        start = start_date(values[col["Purchase date"]])
        inputs = "'ROI Inputs'!$%s$" + str(index + 2)
        flows = []
        cumulative = 0.0
        for month in range(0, life + 1):
            price = 0.0 if month == 0 else price_at(path, p0, month)
            hours = 0.0 if month == 0 else gpus * HOURS * utilization
            revenue = hours * price * (1 - MARKETPLACE_FEE)
            power = 0.0 if month == 0 else gpus * kw * pue * HOURS * electricity
            other = 0.0 if month == 0 else gpus * opex
            capex = gpus * capex_per_gpu if month == 0 else 0.0
            residual = gpus * capex_per_gpu * residual_share if month == life else 0.0
            net = revenue - power - other - capex + residual
            cumulative += net
            factor = (1 + DISCOUNT_RATE) ** (-month / 12.0)
            flows.append(net)
            r = str(row_number)
            flows_sheet.append([cluster, month, add_months(start, month),
                                "=IF($B%s=0,0,%s*(1-(1-%s)*MIN((($B%s-0.5)/12),%s)/%s))" % (r, inputs % "G", inputs % "I", r, inputs % "J", inputs % "J"),
                                "=IF($B%s=0,0,(%s-O%s)*730*%s+O%s*730)" % (r, inputs % "C", r, inputs % "F", r),
                                "=IF($B%s=0,0,(%s-O%s)*730*%s*D%s*(1-%s)+P%s)" % (r, inputs % "C", r, inputs % "F", r, inputs % "L", r),
                                "=IF($B%s=0,0,%s*%s*%s*730*%s)" % (r, inputs % "C", inputs % "M", inputs % "N", inputs % "O"),
                                "=IF($B%s=0,0,%s*%s)" % (r, inputs % "C", inputs % "P"),
                                "=IF($B%s=0,%s*%s,0)" % (r, inputs % "C", inputs % "D"),
                                "=IF($B%s=%s,%s*%s*%s,0)" % (r, inputs % "E", inputs % "C", inputs % "D", inputs % "Q"),
                                "=F%s-G%s-H%s-I%s+J%s" % (r, r, r, r, r),
                                "=K%s" % r if month == 0 else "=L%d+K%s" % (row_number - 1, r),
                                "=(1+%s)^(-(%s+$B%s)/12)" % (inputs % "R", inputs % "T", r),
                                "=K%s*M%s" % (r, r),
                                0, 0])
            row_number += 1
        irr = irr_by_bisection(flows)
        summary.append([cluster, gpus, capex_per_gpu * gpus, irr if irr is not None else "no IRR",
                        npv((1 + DISCOUNT_RATE) ** (1 / 12.0) - 1, flows), cumulative])

    summary_sheet = out.create_sheet("ROI Summary", 0)
    summary_sheet.append(["Cluster id", "GPUs", "Capex", "IRR (annual)", "NPV at discount rate", "Total net"])
    for row in summary:
        summary_sheet.append(row)
    out.save(target)
    print("%d clusters, %d cash-flow rows written to %s" % (len(summary), row_number - 2, target))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
