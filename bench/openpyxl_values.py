#!/usr/bin/python3
"""The values-only openpyxl peer of bench/cold and bench/scale: the job of `gpuroi convert --no-memos`
done the plainest way a Python analyst would, so the two can be timed side by side.

    /usr/bin/python3 bench/openpyxl_values.py fleet.xlsx fleet.values.xlsx

Reads the Fleet sheet of a generated bench workbook (the columns bench/openpyxl_convert.py reads),
computes each cluster's monthly cash flows and its IRR by bisection with the same functions as
openpyxl_convert.py, and writes a summary sheet and a 10-column cash-flow sheet, all as values: no
formulas, no copy of the input's sheets. openpyxl_convert.py, which writes the formulas as text, stays
the heavier peer of bench/scale. Read-only mode to read, write-only mode to write.

Needs openpyxl: `apt-get install python3-openpyxl` (Debian) or `pip install openpyxl`.
"""
import sys

try:
    import openpyxl
except ImportError:
    sys.stderr.write("openpyxl is not installed: apt-get install python3-openpyxl (or pip install openpyxl)\n")
    sys.exit(3)

from openpyxl_convert import (DISCOUNT_RATE, HOURS, MARKETPLACE_FEE, add_months, irr_by_bisection, npv, number,
                              price_at, start_date)


def main(source, target):
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    fleet = [list(row) for row in book["Fleet"].iter_rows(values_only=True)]
    book.close()

    header = [str(h).strip() if h is not None else "" for h in fleet[0]]
    col = {name: i for i, name in enumerate(header)}
    out = openpyxl.Workbook(write_only=True)
    summary_sheet = out.create_sheet("ROI Summary")
    flows_sheet = out.create_sheet("ROI Cash Flows")
    flows_sheet.append(["Cluster id", "Month", "Date", "Price per GPU-hr", "Revenue", "Power", "Other opex", "Capex",
                        "Residual value", "Net cash flow"])
    summary = []
    rows = 0
    for values in fleet[1:]:
        if values is None or values[col["Cluster id"]] in (None, ""):
            continue
        cluster = str(values[col["Cluster id"]])
        gpus = number(values[col["GPUs"]])
        capex_per_gpu = number(values[col["Capex per GPU"]])
        life = int(number(values[col["Useful life (years)"]]) * 12)
        residual_share = number(values[col["Residual value"]])
        power_per_month = (gpus * number(values[col["Power per GPU (kW)"]]) * number(values[col["PUE"]]) * HOURS
                           * number(values[col["Electricity ($/kWh)"]]))
        opex = gpus * number(values[col["Other opex per GPU-month"]])
        hours = gpus * HOURS * number(values[col["Utilization"]])
        p0 = number(values[col["Start price ($/GPU-hr)"]])
        path = str(values[col["Price path"]] or "").strip()
        start = start_date(values[col["Purchase date"]])
        flows = []
        for month in range(0, life + 1):
            first = month == 0
            price = 0.0 if first else price_at(path, p0, month)
            revenue = 0.0 if first else hours * price * (1 - MARKETPLACE_FEE)
            power = 0.0 if first else power_per_month
            other = 0.0 if first else opex
            capex = gpus * capex_per_gpu if first else 0.0
            residual = gpus * capex_per_gpu * residual_share if month == life else 0.0
            net = revenue - power - other - capex + residual
            flows.append(net)
            flows_sheet.append([cluster, month, add_months(start, month), price, revenue, power, other, capex,
                                residual, net])
            rows += 1
        irr = irr_by_bisection(flows)
        summary.append([cluster, gpus, capex_per_gpu * gpus, irr if irr is not None else "no IRR",
                        npv((1 + DISCOUNT_RATE) ** (1 / 12.0) - 1, flows), sum(flows)])

    summary_sheet.append(["Cluster id", "GPUs", "Capex", "IRR (annual)", "NPV at discount rate", "Total net"])
    for row in summary:
        summary_sheet.append(row)
    out.save(target)
    print("%d clusters, %d cash-flow rows written to %s" % (len(summary), rows, target))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
