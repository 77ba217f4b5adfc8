#!/usr/bin/env python3
"""Converts the project leads' public facts (shared/facts/*.csv) into crossover's landing columns.

Run from the repository root:  python3 data-samples/convert_facts.py ../shared/facts data-samples
Every row keeps its source_url and status; each conversion choice is written into the row's notes.
"""
import csv
import re
import sys
from pathlib import Path

UNITS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def amount(reported):
    """'~10 billion' -> 1e10; '>1 trillion' -> 1e12."""
    match = re.match(r"^[~<>]?\s*([0-9.]+)\s*(thousand|million|billion|trillion)$", reported.strip())
    if not match:
        raise ValueError(f"cannot read amount {reported!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def number(value):
    return f"{value:.0f}" if value == int(value) else repr(value)


def join_notes(*parts):
    return "; ".join(p for p in parts if p)


def read(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(out, dataset, header, rows):
    (out / dataset).mkdir(parents=True, exist_ok=True)
    with open(out / dataset / f"{dataset}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# Post-money valuations in the round's own currency where the notes give them (EUR rounds).
EUR_POST_MONEY = {("Mistral AI", "2024-06-11"): 5.8e9, ("Mistral AI", "2025-09-09"): 11.7e9}


def funding(facts, out):
    rows = []
    for r in read(facts, "funding_rounds.csv"):
        post = ""
        note = r["notes"]
        if r["currency"] == "USD" and r["post_money_usd_bn"]:
            post = number(float(r["post_money_usd_bn"]) * 1e9)
        elif (r["company"], r["announced_date"]) in EUR_POST_MONEY:
            post = number(EUR_POST_MONEY[(r["company"], r["announced_date"])])
        elif r["post_money_usd_bn"]:
            note = join_notes(note, f"post-money reported only in USD ({r['post_money_usd_bn']} bn), left empty")
        if r["alt_source_url"]:
            note = join_notes(note, "also " + r["alt_source_url"])
        rows.append({
            "company": r["company"], "announced_on": r["announced_date"], "round_type": r["round"],
            "amount": number(amount(r["amount_reported"])), "currency": r["currency"],
            "post_money_valuation": post,
            "lead_investors": ";".join(p.strip() for p in re.split(r",| with ", r["lead_investors"]) if p.strip()),
            "source_url": r["source_url"], "status": r["status"], "notes": note})
    write(out, "funding_rounds", ["company", "announced_on", "round_type", "amount", "currency",
        "post_money_valuation", "lead_investors", "source_url", "status", "notes"], rows)
    return rows


def valuations(facts, out):
    rows = [{"company": r["company"], "as_of": r["as_of_date"], "valuation": number(amount(r["valuation_reported"])),
             "currency": r["currency"], "kind": r["kind"], "source_url": r["source_url"], "status": r["status"],
             "notes": join_notes(r["notes"], f"reported as '{r['valuation_reported']}'")}
            for r in read(facts, "valuations.csv")]
    write(out, "valuations", ["company", "as_of", "valuation", "currency", "kind", "source_url", "status", "notes"], rows)


def accelerators(facts, out):
    rows = [{"vendor": r["vendor"], "chip": r["chip"], "launch_year": r["announced"], "foundry": r["foundry"],
             "process_node": r["process_node"], "hbm_gb": r["memory_gb"], "mem_bw_tbps": r["mem_bw_tbps"],
             "bf16_tflops": r["bf16_dense_tflops"], "fp8_tflops": r["fp8_dense_tflops"], "tdp_w": r["tdp_w"],
             "designed_for": r["designed_for"], "source_url": r["source_url"], "status": r["status"],
             "notes": r["notes"]}
            for r in read(facts, "accelerators.csv")]
    write(out, "accelerators", ["vendor", "chip", "launch_year", "foundry", "process_node", "hbm_gb", "mem_bw_tbps",
        "bf16_tflops", "fp8_tflops", "tdp_w", "designed_for", "source_url", "status", "notes"], rows)


METRICS = {"TSMC CoWoS capacity": ("TSMC", "cowos_wafers_per_month"),
           "CoWoS capacity growth": ("TSMC", "cowos_capacity_growth_pct"),
           "CoWoS demand": ("", "cowos_demand_wafers_per_year")}


def supply_value(text):
    """'35000-40000' -> midpoint; '>65000' -> 65000. Returns (value, note)."""
    text = text.strip()
    if "-" in text:
        low, high = (float(x) for x in text.split("-"))
        return (low + high) / 2, f"reported as '{text}', midpoint used"
    if text[0] in "<>~":
        return float(text[1:]), f"reported as '{text}', bound used"
    return float(text), ""


def supply_period(text):
    match = re.match(r"^(\d{4}) \(end\)$", text)
    if match:
        return f"{match.group(1)}-Q4", f"period reported as '{text}', taken as Q4"
    return text, ""


def chip_supply(facts, out):
    rows = []
    for r in read(facts, "supply.csv"):
        vendor, metric = METRICS[r["metric"]]
        value, value_note = supply_value(r["value"])
        period, period_note = supply_period(r["period"])
        rows.append({"period": period, "vendor": vendor, "chip": "", "metric": metric, "value": number(value),
                     "unit": r["unit"], "estimate_by": r["estimator"], "source_url": r["source_url"],
                     "status": r["status"],
                     "notes": join_notes(r["notes"], value_note, period_note, f"published {r['published']}")})
    write(out, "chip_supply", ["period", "vendor", "chip", "metric", "value", "unit", "estimate_by", "source_url",
        "status", "notes"], rows)


def fx_rates(facts, out, funding_rows):
    """EUR/USD implied by rows reported in both currencies (no separate FX source is in the facts)."""
    rows = {}
    for r in read(facts, "funding_rounds.csv"):
        if r["currency"] == "EUR":
            rate = float(r["amount_usd_bn"]) * 1e9 / amount(r["amount_reported"])
            rows[r["announced_date"]] = {"date": r["announced_date"], "currency": "EUR",
                                         "usd_per_unit": f"{rate:.4f}", "source_url": r["source_url"]}
    for r in read(facts, "valuations.csv"):
        if r["currency"] == "EUR":
            rate = float(r["valuation_usd_bn"]) * 1e9 / amount(r["valuation_reported"])
            rows.setdefault(r["as_of_date"], {"date": r["as_of_date"], "currency": "EUR",
                                              "usd_per_unit": f"{rate:.4f}", "source_url": r["source_url"]})
    write(out, "fx_rates", ["date", "currency", "usd_per_unit", "source_url"], sorted(rows.values(), key=lambda x: x["date"]))


def share_evidence(facts, out):
    """Already in the landing columns: copied row for row, every column kept."""
    rows = read(facts, "share_evidence.csv")
    write(out, "share_evidence", list(rows[0].keys()), rows)


def main():
    facts, out = Path(sys.argv[1]), Path(sys.argv[2])
    funding_rows = funding(facts, out)
    valuations(facts, out)
    accelerators(facts, out)
    chip_supply(facts, out)
    fx_rates(facts, out, funding_rows)
    share_evidence(facts, out)


if __name__ == "__main__":
    main()
