#!/usr/bin/env python3
"""Where the shop's CPU went, from a JFR recording (JFR=1 bench/run.sh writes results/<time>/shop.jfr).

    bench/profile.py bench/results/<time>/shop.jfr [top] [from-HH:MM:SS to-HH:MM:SS]

With a time window (UTC, as run.sh logs each scenario's start), only the samples taken in it count.

Prints the share of CPU samples by area (the first matching frame from the top of each stack decides), then the
methods most often on top of the stack, then the shop's own methods most often anywhere on the stack, then what each
sample was for: the outermost method of the shop on its stack (a controller's handler, a scheduled job such as the
outbox or SdI sender, a filter), or the outermost frame of a stack without the shop's code.
"""
import collections
import sys

from jfrsamples import samples

# checked in this order against every frame of a stack, innermost first; the first hit names the sample's area
AREAS = [
    ("password hashing (bcrypt)", ("security.crypto.bcrypt",)),
    ("PDF rendering", ("openhtmltopdf", "pdfbox")),
    ("JDBC driver and pool", ("org.postgresql", "com.zaxxer.hikari")),
    ("Hibernate", ("org.hibernate",)),
    ("Thymeleaf templates", ("org.thymeleaf", "org.attoparser", "springframework.expression")),
    ("Spring Session", ("springframework.session",)),
    ("Spring Security", ("springframework.security",)),
    ("gzip", ("java.util.zip",)),
    ("Spring transactions", ("springframework.transaction", "springframework.orm")),
    ("Spring MVC", ("springframework.web", "springframework.validation")),
    ("Tomcat", ("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")),
    ("the shop's own code", ("it.rivendo",)),
]


def main():
    recording, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
    window = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else None
    areas, self_time, own, outer = (collections.Counter(), collections.Counter(), collections.Counter(),
                                    collections.Counter())
    for at, frames in samples(recording):
        if window and not window[0] <= at < window[1]:
            continue
        self_time[frames[0]] += 1
        area = next((name for frame in frames for name, keys in AREAS if any(k in frame for k in keys)), "other")
        areas[area] += 1
        for name in {f for f in frames if f.startswith("it.rivendo")}:
            own[name] += 1
        shop = [f for f in frames if f.startswith("it.rivendo") and "Filter" not in f]
        outer[shop[-1] if shop else "(no shop method) " + frames[-1]] += 1
    total = sum(areas.values())
    print(f"{total} CPU samples\n\n| area | share |\n|---|---:|")
    for name, count in areas.most_common():
        print(f"| {name} | {100 * count / total:.1f}% |")
    print("\nOn top of the stack:")
    for name, count in self_time.most_common(top):
        print(f"{100 * count / total:5.1f}%  {name}")
    print("\nThe shop's methods, anywhere on the stack:")
    for name, count in own.most_common(top):
        print(f"{100 * count / total:5.1f}%  {name}")
    print("\nWhat each sample was for (the outermost method of the shop, filters aside):")
    for name, count in outer.most_common(top):
        print(f"{100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
