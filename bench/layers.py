#!/usr/bin/env python3
"""Where each page's CPU milliseconds go, by layer of the request, from a JFR recording of bench/saturation.sh.

    bench/layers.py <run>/shop.jfr <run>/pages.txt [<other run>/pages.txt] [--top N]

(<run>/shop.jfr may also be its samples printed once as text, see bench/jfrsamples.py: printing takes minutes.)

The first pages.txt gives each page's time window in the recording (JFR=1 PAGES_ONLY=... bench/saturation.sh);
the shares of the shop's CPU samples in that window are mapped onto the shop's CPU ms per request of the second
pages.txt (a run without JFR, whose CPU is not inflated by the recording), or of the first if there is none.
Each sample is given to one layer:
  - database round trips: the innermost frame that is not the JDK's is the JDBC driver's, the pool's, Hibernate's,
    Spring's transactions', JDBC support's or Spring Data's (the session read, the signed-in check, the page's and
    the frame's statements, their transactions; until 30 November any sample with such a frame anywhere counted, so
    the shop's code and templates run inside a transaction were counted here too);
  - writing out: any frame of Tomcat's output buffer, UTF-8 encoding or gzip (the page written to the socket);
  - rendering: any frame of Thymeleaf, its parser, SpEL or the shop's RenderedFragments (the rest of the view);
  - then the innermost frame that says whose work it is: Spring Session (its own: attributes, cookie), Spring
    Security (context, CSRF token, headers, authorization), the shop's code (controllers, services, the frame's
    model), or the request's frame (Tomcat, the filter chain and the shop's filters, Spring MVC's dispatch to the
    handler): "frame" also takes what none of them names.
GC and JIT threads are not sampled: their CPU is spread over the layers in proportion.
With --top N, each page's N largest parts of every layer follow the table, in ms per request and share of the page:
  - rendering: the template's work, named by the Thymeleaf processor at work (th:text, th:each, th:href...) and
    what it was doing: a SpEL expression, a link @{...}, a message #{...}, a fragment ~{...} inserted, escaping,
    writing the HTML out, the engine's own work, or the shop's method an expression called (e.g. Formats.money);
  - database round trips: the shop's method that asked for the statement (or Spring Session's read);
  - page code, session, security, frame, writing out: the innermost frame of the shop, of the library or of the
    filter that did the work.
"""
import collections
import subprocess
import sys

from jfrsamples import samples

DB = ("org.postgresql", "com.zaxxer.hikari", "org.hibernate", "springframework.transaction", "springframework.orm",
      "springframework.jdbc", "springframework.data", "jakarta.persistence")
WRITING = ("org.apache.catalina.connector.OutputBuffer", "org.apache.coyote.http11.Http11OutputBuffer",
           "org.apache.coyote.Response.doWrite", "java.util.zip", "sun.nio.cs.UTF_8$Encoder",
           "org.apache.coyote.http11.filters.GzipOutputFilter")
RENDERING = ("org.thymeleaf", "org.attoparser", "springframework.expression", "it.rivendo.shared.web.RenderedFragments")
PLUMBING = ("VirtualFilterChain", "ApplicationFilterChain", "FilterChainProxy", "DispatcherServlet", "FrameworkServlet",
            "HttpServlet.service", "StandardWrapperValve", "CoyoteAdapter", "DelegatingFilterProxy",
            "InvocableHandlerMethod", "HandlerAdapter")
JDK = ("java.", "jdk.", "sun.", "com.sun.")
LAYERS = ["database round trips", "rendering", "writing out", "page code", "session", "security", "frame"]


def layer(frames):
    # the database only where its libraries' own code is at work (the innermost frame that is not the JDK's): a
    # sample inside a transaction but in the shop's code, a template or a PDF is that work's, not the database's
    innermost = next((f for f in frames if not f.startswith(JDK)), frames[0])
    if any(k in innermost for k in DB):
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


def short(frame):
    cls, method = frame.rsplit(".", 1)
    return cls.rsplit(".", 1)[-1] + "." + method


# what a template was doing, checked innermost first (the first hit names it)
RENDER_ACTIVITY = [
    ("link @{...}", ("LinkExpression", "LinkBuilder", "RequestDataValueProcessor", "ResourceUrlProvider",
                     "encodeURL", "UrlPathHelper")),
    ("message #{...}", ("MessageExpression", "MessageResolver", "MessageSource", "MessageFormat")),
    ("escaping", ("org.unbescape",)),
    ("fragment ~{...}", ("FragmentExpression", "FragmentSignature")),
    ("SpEL", ("springframework.expression", "SPELVariableExpressionEvaluator", "SpringELExpression")),
    ("writing the HTML out (to the page's buffer)", ("OutputTemplateHandler", "FastStringWriter")),
    ("parsing", ("org.attoparser",)),
]


ENGINE = "the engine's own work (attributes, model, iteration)"

# what a sample of the request's frame was doing, checked innermost first
FRAME_PARTS = [
    ("Spring MVC: finding the handler (handler mappings, path patterns)",
     ("HandlerMapping", "RequestMappingInfo", "PathPattern", "RequestCondition")),
    ("Spring MVC: the handler's arguments, model and return value",
     ("HandlerMethodArgument", "ReturnValueHandler", "ModelAttributeMethodProcessor", "ModelFactory",
      "InvocableHandlerMethod", "MethodParameter", "AnnotatedMethod", "AnnotationsScanner", "AnnotatedElementUtils",
      "ModelMap", "DataBinder", "PropertyEditor", "TypeConverter")),
    ("Spring MVC: the view's resolution", ("ViewResolver", "ContentNegotiat")),
    ("Micrometer: the request's observation", ("micrometer",)),
    ("the shop's filters", ("it.rivendo",)),
    ("Tomcat: socket, request and response", ("org.apache.tomcat", "org.apache.coyote", "org.apache.catalina")),
    ("Spring MVC: the dispatch", ("springframework.web",)),
]


def rendering_part(frames):
    called = None
    for f in frames:  # innermost first, up to the template engine: a shop method called by an expression
        if "org.thymeleaf" in f or "springframework.expression" in f:
            break
        if f.startswith("it.rivendo") and "RenderedFragments" not in f:
            called = short(f)
            break
    processor = next((short(f).split(".")[0] for f in frames
                      if "org.thymeleaf" in f and "Processor" in f and "ProcessorExecutor" not in f
                      and "ProcessorIterator" not in f and "TemplateHandler" not in f
                      and "ProcessorConfigurationUtils" not in f and "ProcessorComparators" not in f), None)
    what = "shop: " + called if called else next(
        (name for f in frames for name, keys in RENDER_ACTIVITY if any(k in f for k in keys)), None)
    if what is None:
        what = ENGINE
    return what + (" (in " + processor + ")" if processor else "")


def part(name, frames):
    if name == "rendering":
        return rendering_part(frames)
    if name == "database round trips":  # the innermost caller: the session repository or the shop's code
        asker = next((f for f in frames if f.startswith("it.rivendo") or "JdbcIndexedSessionRepository" in f), None)
        if asker and "JdbcIndexedSessionRepository" in asker:
            return "the session's read or save (Spring Session)"
        return "asked by " + short(asker) if asker else "outside the shop's code: " + short(frames[-1])
    if name == "writing out":
        return next((short(f) for f in frames if any(k in f for k in WRITING)), short(frames[0]))
    if name == "page code":
        return next(short(f) for f in frames if f.startswith("it.rivendo"))
    keys = {"session": ("springframework.session",), "security": ("springframework.security",)}.get(name)
    if keys:
        return next((short(f) for f in frames if any(k in f for k in keys)), short(frames[0]))
    # the frame: the innermost frame that names a part of it
    return next((name for f in frames for name, keys in FRAME_PARTS if any(k in f for k in keys)), "the rest")


def pages(path):
    result = {}
    for line in open(path):
        fields = line.split()
        values = dict(f.split("=", 1) for f in fields[1:] if "=" in f)
        result[fields[0]] = values
    return result


def main():
    args = sys.argv[1:]
    top = 0
    if "--top" in args:
        at = args.index("--top")
        top = int(args[at + 1])
        del args[at:at + 2]
    recording, windows = args[0], pages(args[1])
    cpu = pages(args[2]) if len(args) > 2 else windows
    ticks = int(subprocess.run(["getconf", "CLK_TCK"], capture_output=True, text=True).stdout)
    counts = {page: collections.Counter() for page in windows}
    parts = {page: collections.defaultdict(collections.Counter) for page in windows}
    for at, frames in samples(recording):
        for page, values in windows.items():
            if values["from"] <= at < values["to"]:
                name = layer(frames)
                counts[page][name] += 1
                if top:
                    parts[page][name][part(name, frames)] += 1
    print("| page | shop CPU ms/request | samples | " + " | ".join(LAYERS) + " |")
    print("|---|---:|---:|" + "---:|" * len(LAYERS))
    for page, counter in counts.items():
        total = sum(counter.values())
        if page not in cpu or total == 0:
            continue
        ms = int(cpu[page]["shop_ticks"]) * 1000 / ticks / int(cpu[page]["requests"])
        cells = " | ".join(f"{ms * counter[name] / total:.2f} ({100 * counter[name] / total:.0f}%)" for name in LAYERS)
        print(f"| `{page}` | {ms:.2f} | {total} | {cells} |")
    if top:
        print("\nRendering by what the template was doing, ms per request:\n")
        print("| page | rendering | " + " | ".join(name for name, _ in RENDER_ACTIVITY) +
              " | the shop's methods | the engine's own work |")
        print("|---|---:|" + "---:|" * (len(RENDER_ACTIVITY) + 2))
        for page, counter in counts.items():
            total = sum(counter.values())
            if page not in cpu or total == 0:
                continue
            ms = int(cpu[page]["shop_ticks"]) * 1000 / ticks / int(cpu[page]["requests"])
            by = collections.Counter()
            for what, n in parts[page]["rendering"].items():
                what = what.split(" (in ")[0]
                by["the shop's methods" if what.startswith("shop: ") else what] += n
            names = [name for name, _ in RENDER_ACTIVITY] + ["the shop's methods", ENGINE]
            print(f"| `{page}` | {ms * counter['rendering'] / total:.2f} | " +
                  " | ".join(f"{ms * by[name] / total:.2f}" for name in names) + " |")
    for page, counter in counts.items():
        total = sum(counter.values())
        if not top or page not in cpu or total == 0:
            continue
        ms = int(cpu[page]["shop_ticks"]) * 1000 / ticks / int(cpu[page]["requests"])
        print(f"\n`{page}` ({total} samples, {ms:.2f} ms of the shop's CPU a request):")
        for name in LAYERS:
            if not counter[name]:
                continue
            print(f"- {name} {ms * counter[name] / total:.2f} ms ({100 * counter[name] / total:.0f}%):")
            for what, n in parts[page][name].most_common(top):
                print(f"  - {ms * n / total:.2f} ms ({100 * n / total:.0f}%) {what}")


if __name__ == "__main__":
    main()
