#!/usr/bin/env python3
"""Where each page's CPU milliseconds go, by layer of the request, from a JFR recording of bench/saturation.sh.

    bench/layers.py <run>/shop.jfr <run>/pages.txt [<other run>/pages.txt]

The first pages.txt gives each page's time window in the recording (JFR=1 PAGES_ONLY=... bench/saturation.sh);
the shares of the shop's CPU samples in that window are mapped onto the shop's CPU ms per request of the second
pages.txt (a run without JFR, whose CPU is not inflated by the recording), or of the first if there is none.
Each sample is given to one layer:
  - database round trips: any frame of the JDBC driver, the pool, Hibernate, Spring's transactions, JDBC support or
    Spring Data (the session read, the signed-in check, the page's and the frame's statements, their transactions);
  - writing out: any frame of Tomcat's output buffer, UTF-8 encoding or gzip (the page written to the socket);
  - rendering: any frame of Thymeleaf, its parser, SpEL or the shop's RenderedFragments (the rest of the view);
  - then the innermost frame that says whose work it is: Spring Session (its own: attributes, cookie), Spring
    Security (context, CSRF token, headers, authorization), the shop's code (controllers, services, the frame's
    model), or the request's frame (Tomcat, the filter chain and the shop's filters, Spring MVC's dispatch to the
    handler): "frame" also takes what none of them names.
GC and JIT threads are not sampled: their CPU is spread over the layers in proportion.
"""
import collections
import json
import subprocess
import sys

DB = ("org.postgresql", "com.zaxxer.hikari", "org.hibernate", "springframework.transaction", "springframework.orm",
      "springframework.jdbc", "springframework.data", "jakarta.persistence")
WRITING = ("org.apache.catalina.connector.OutputBuffer", "org.apache.coyote.http11.Http11OutputBuffer",
           "org.apache.coyote.Response.doWrite", "java.util.zip", "sun.nio.cs.UTF_8$Encoder",
           "org.apache.coyote.http11.filters.GzipOutputFilter")
RENDERING = ("org.thymeleaf", "org.attoparser", "springframework.expression", "it.rivendo.shared.web.RenderedFragments")
PLUMBING = ("VirtualFilterChain", "ApplicationFilterChain", "FilterChainProxy", "DispatcherServlet", "FrameworkServlet",
            "HttpServlet.service", "StandardWrapperValve", "CoyoteAdapter", "DelegatingFilterProxy",
            "InvocableHandlerMethod", "HandlerAdapter")
LAYERS = ["database round trips", "rendering", "writing out", "page code", "session", "security", "frame"]


def frame_name(frame):
    return frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]


def layer(frames):
    if any(k in f for f in frames for k in DB):
        return "database round trips"
    if any(k in f for f in frames for k in WRITING):
        return "writing out"
    if any(k in f for f in frames for k in RENDERING):
        return "rendering"
    for f in frames:  # innermost first: the first frame that says whose work it is
        cls = f.rsplit(".", 1)[0]
        if any(k in f for k in PLUMBING) or f.endswith(".doFilter"):
            return "frame"
        if "springframework.session" in f:
            return "session"
        if "springframework.security" in f:
            return "security"
        if f.startswith("it.rivendo"):
            return "frame" if cls.endswith("Filter") or "Filter$" in cls else "page code"
    return "frame"


def pages(path):
    result = {}
    for line in open(path):
        fields = line.split()
        values = dict(f.split("=", 1) for f in fields[1:] if "=" in f)
        result[fields[0]] = values
    return result


def main():
    recording, windows = sys.argv[1], pages(sys.argv[2])
    cpu = pages(sys.argv[3]) if len(sys.argv) > 3 else windows
    ticks = int(subprocess.run(["getconf", "CLK_TCK"], capture_output=True, text=True).stdout)
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    counts = {page: collections.Counter() for page in windows}
    for event in events:
        at = event["values"]["startTime"][11:19]
        frames = [frame_name(f) for f in event["values"]["stackTrace"]["frames"]]
        if not frames:
            continue
        for page, values in windows.items():
            if values["from"] <= at < values["to"]:
                counts[page][layer(frames)] += 1
    print("| page | shop CPU ms/request | samples | " + " | ".join(LAYERS) + " |")
    print("|---|---:|---:|" + "---:|" * len(LAYERS))
    for page, counter in counts.items():
        total = sum(counter.values())
        if page not in cpu or total == 0:
            continue
        ms = int(cpu[page]["shop_ticks"]) * 1000 / ticks / int(cpu[page]["requests"])
        cells = " | ".join(f"{ms * counter[name] / total:.2f} ({100 * counter[name] / total:.0f}%)" for name in LAYERS)
        print(f"| `{page}` | {ms:.2f} | {total} | {cells} |")


if __name__ == "__main__":
    main()
