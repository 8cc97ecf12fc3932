#!/usr/bin/env python3
"""Writes the benchmark report (markdown) from what run.sh collected. Usage: report.py OUT_DIR REPORT key=value..."""
from html.parser import HTMLParser
import os
import re
import sys

out, report = sys.argv[1], sys.argv[2]
p = dict(arg.split("=", 1) for arg in sys.argv[3:])


class _StatsTable(HTMLParser):
    """Reads the statistics table of a Gatling report (index.html): one row per request name, then the total."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.name, self.cell = [], None, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("id", "").startswith(("req_", "ROOT")):
            self.row = {"cells": []}
        elif self.row is not None and tag == "span" and attrs.get("class") == "ellipsed-name":
            self.name = True
        elif self.row is not None and tag == "td" and "value" in (attrs.get("class") or ""):
            self.cell = ""

    def handle_data(self, data):
        if self.name:
            self.row["name"] = data.strip()
            self.name = False
        elif self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row["cells"].append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if len(self.row["cells"]) >= 13:
                self.rows.append(self.row)
            self.row = None


COLUMNS = ["total", "ok", "ko", "ko_percent", "rate", "min", "p50", "p75", "p95", "p99", "max", "mean", "stddev"]


def stats(simulation):
    """[(name, {column: number})] with "All Requests" last, or None when the run left no report."""
    path = os.path.join(out, "gatling-%s.html" % simulation)
    if not os.path.exists(path):
        return None
    table = _StatsTable()
    with open(path, encoding="utf-8") as f:
        table.feed(f.read())
    result = []
    for row in table.rows:
        values = {}
        for column, cell in zip(COLUMNS, row["cells"]):
            try:
                values[column] = float(cell.replace(",", ""))
            except ValueError:
                values[column] = 0.0
        result.append((row.get("name", "?"), values))
    result.sort(key=lambda r: r[0] == "All Requests")
    return result


def table(data):
    lines = ["| request | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in data:
        lines.append("| %s | %d | %d | %.1f | %d | %d | %d | %d |" % (
            "**%s**" % name if name == "All Requests" else name, s["total"], s["ko"], s["rate"], s["p50"], s["p95"],
            s["p99"], s["max"]))
    return "\n".join(lines)


def find(data, name):
    for n, s in data or []:
        if n == name:
            return s
    return None


browse, buy = stats("BrowseSimulation"), stats("BuySimulation")
pay = find(buy, "pay")
# paid orders per second: the completed-order pages reached (the pay POST's redirect) over the scenario's time
pay_done = find(buy, "pay Redirect 1")
pay_rate = pay_done["rate"] * (pay_done["ok"] / pay_done["total"]) if pay_done and pay_done["total"] else 0.0
tps = float(p.get("pgbench_tps") or 0)
catalog = find(browse, "catalog")
buy_errors = int(find(buy, "All Requests")["ko"]) if buy else None


direct = {}
if os.path.exists(os.path.join(out, "checkout-direct.txt")):
    with open(os.path.join(out, "checkout-direct.txt")) as f:
        direct = dict(line.strip().split("=", 1) for line in f if "=" in line)
direct_rate = float(direct.get("orders_per_second", 0))


def verdict(ok):
    return "met" if ok else "**missed**"


growth = {}
with open(os.path.join(out, "growth.txt")) as f:
    for line in f:
        label, page, times = line.strip().split("|", 2)
        growth.setdefault(page, {})[label] = [float(x) for x in times.split("|")]


def explain_summary(label):
    """(title, first scan node, execution ms) per query of an explain file."""
    path = os.path.join(out, "explain-%s.txt" % label)
    result, title, scan = [], None, None
    with open(path) as f:
        for line in f:
            line = line.rstrip()
            if line.startswith("== "):
                title = line[3:]
                continue
            m = re.match(r"\s*Execution Time: ([0-9.]+) ms", line)
            if m:
                result.append((title, scan or "", float(m.group(1))))
                scan = None
            elif scan is None and "Scan" in line:
                scan = line.strip().lstrip("-> ").split("  (")[0].split(" (actual")[0]
    return result


md = []
md.append("# Rivendo benchmark, %s" % os.path.basename(out))
md.append("")
conditions = ("QUICK check run: small data set and short scenarios, for proving the scripts, not for the numbers."
              if p["quick"] == "1" else "Full run.")
md.append("%s Machine: %s cores, load average (1, 5, 15 min) %s at the start and %s at the end; anything above the "
          "run's own load means other work shared the machine. The shop (heap %s), PostgreSQL, Gatling and pgbench "
          "share the machine." % (conditions, p["cores"], p.get("load_start", "?"), p["load"], p["heap_max"]))
md.append("")
md.append("Data: %s resellers, %s products, %s orders in all (cost growth measured at %s and %s); the reseller "
          "measured in the customer area has %s orders." % (p["resellers"], p["products"], p["orders"],
                                                          p["orders_small"], p["orders_large"], p["busy_orders"]))
md.append("")
md.append("## Targets")
md.append("")
md.append("| target | measured | |")
md.append("|---|---|---|")
if catalog:
    md.append("| catalog p99 < 50 ms at %s concurrent users | p99 %s ms | %s |" % (
        p["users"], int(catalog["p99"]), verdict(catalog["p99"] < 50)))
md.append("| checkout >= 25%% of pgbench TPC-B tps, zero errors | over HTTP %.1f paid orders/s = %.1f%% of %.0f tps, %s "
          "errors; in-process %.1f orders/s = %.1f%% | %s |" % (
    pay_rate, 100 * pay_rate / tps if tps else 0, tps, buy_errors, direct_rate, 100 * direct_rate / tps if tps else 0,
    verdict(tps and pay_rate >= 0.25 * tps and buy_errors == 0)))
md.append("| catalog HTML < 60 KB, few static requests | %s bytes (%s gzipped on the wire), %s catalog products, %s static "
          "files (hashed URLs, cached a year) | %s |" % (
    p["catalog_bytes"], p["catalog_gzip"], p["catalog_rows"], p["static"],
    verdict(int(p["catalog_bytes"]) < 60 * 1024 and int(p["static"]) <= 5)))
md.append("")
md.append("## Browse: login, catalog, product page, customer area")
md.append("")
md.append("%s resellers at once, %s s think time between pages, %s s." % (p["users"], p["pause"], p["duration"]))
md.append("")
md.append(table(browse) if browse else "(no Gatling result)")
md.append("")
md.append("## Buy: add to cart, checkout, pay")
md.append("")
md.append("%s resellers at once, no think time, %s s. \"pay\" is the POST of the checkout form with its redirect to "
          "the completed order." % (p["buyers"], p["duration"]))
md.append("")
md.append(table(buy) if buy else "(no Gatling result)")
md.append("")
md.append("## Database limit: pgbench")
md.append("")
md.append("TPC-B-like, scale %s, %s clients, %s s: **%s tps**. Paid orders per second: %.1f, that is %.1f%% of it." % (
    p["pgbench_scale"], p["pgbench_clients"], p["duration"], p["pgbench_tps"], pay_rate,
    100 * pay_rate / tps if tps else 0))
before = [int(x) for x in p.get("db_before", "0|0|0").split("|")]
after = [int(x) for x in p.get("db_after", "0|0|0").split("|")]
paid = int(p.get("orders_paid") or 0)
if paid and after[0] > before[0]:
    commits, written, read = (a - b for a, b in zip(after, before))
    md.append("")
    md.append("What the buy scenario asked of PostgreSQL (pg_stat_database, from before to after it, everything the "
              "shop did meanwhile included: sessions, page reads): %d commits, %d rows written, %d rows read for %d "
              "paid orders, that is **%.1f transactions, %.0f rows written and %.0f rows read per order** (a pgbench "
              "TPC-B transaction is 1 commit, 4 rows written, 1 read). At %.0f tps the database alone would allow "
              "about %.0f orders/s of that work." % (commits, written, read, paid, commits / paid, written / paid,
                                                     read / paid, tps, tps / (commits / paid) if commits else 0))
cpu_shop, cpu_all = int(p.get("cpu_shop") or 0), int(p.get("cpu_all") or 0)
if paid and cpu_all:
    tick_ms = 1000.0 / int(p.get("clk_tck") or 100)
    md.append("")
    md.append("CPU during the buy scenario (from `/proc`, from before to after it): the shop's process used %.0f ms "
              "per paid order, everything else on the machine (PostgreSQL, Gatling and its Maven, the OS) %.0f ms; "
              "the shop's share of the busy time was %.0f%%. With %s cores, the shop's own CPU alone would allow "
              "about %.0f orders/s." % (cpu_shop * tick_ms / paid, (cpu_all - cpu_shop) * tick_ms / paid,
                                        100.0 * cpu_shop / cpu_all, p["cores"],
                                        int(p["cores"]) * 1000.0 / (cpu_shop * tick_ms / paid) if cpu_shop else 0))
md.append("")
md.append("Heap used right after the run: %s MB of %s (sum of `jvm_memory_used_bytes{area=\"heap\"}` from "
          "/actuator/prometheus), %s MB by `jcmd GC.heap_info`; G1 collects lazily, so this includes garbage. "
          "Live after a full GC (`jcmd GC.run`): **%s MB**. Full output in `heap-info*.txt`." % (
              p["heap_used_mb"], p["heap_max"], p.get("heap_jcmd_mb", "?"), p.get("heap_live_mb", "?")))
md.append("")
md.append("Business metrics at the end: `%s`" % p["metrics"].strip(";").replace(";", "`, `"))
md.append("")
if direct:
    md.append("## Checkout without HTTP")
    md.append("")
    md.append("The same checkout driven in-process (`CheckoutThroughputBenchmark`): %s threads, each its own reseller, "
              "put a product in the cart, read the total and pay, for %s s after a warm-up, on a database of their "
              "own; no pages, sessions or load generator. **%s orders/s** (%s orders), that is %.1f%% of pgbench's "
              "tps; %s commits and %s rows written per order. The balances were checked afterwards." % (
                  direct["buyers"], direct["seconds"], direct["orders_per_second"], direct["orders"],
                  100 * direct_rate / tps if tps else 0, direct["commits_per_order"],
                  direct["rows_written_per_order"]))
    md.append("")
    md.append("The payment only queues the purchase e-mail; the sender renders its invoice PDF and sends it later. "
              "One sender thread sent %s of them to an in-process SMTP server in %s s: **%s e-mails/s**." % (
                  direct["mails_sent"], direct["mail_seconds"], direct["mails_per_second"]))
    md.append("")
md.append("## Cost growth: 10x the orders")
md.append("")
md.append("40 sequential requests per page (after 5 to warm up), median | p95 in ms.")
md.append("")
md.append("| page | %s orders | %s orders | ratio of medians |" % (p["orders_small"], p["orders_large"]))
md.append("|---|---:|---:|---:|")
for page, t in growth.items():
    s, l = t.get("small", [0, 0]), t.get("large", [0, 0])
    md.append("| %s | %.1f / %.1f | %.1f / %.1f | %.2f |" % (page, s[0], s[1], l[0], l[1], l[0] / s[0] if s[0] else 0))
md.append("")
md.append("EXPLAIN ANALYZE of the hot queries (full plans in `explain-small.txt` and `explain-large.txt`):")
md.append("")
md.append("| query | plan (first scan) | ms at %s | ms at %s |" % (p["orders_small"], p["orders_large"]))
md.append("|---|---|---:|---:|")
small, large = explain_summary("small"), explain_summary("large")
for (title, node, ms), (_, node_l, ms_l) in zip(small, large):
    md.append("| %s | %s | %.2f | %.2f |" % (title, node_l or node, ms, ms_l))
md.append("")
md.append("Raw files: `%s/`." % os.path.relpath(out, os.path.dirname(report)))
with open(report, "w") as f:
    f.write("\n".join(md) + "\n")
print(report)
