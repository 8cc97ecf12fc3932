#!/usr/bin/env python3
"""A mail server for the benchmarks (issue 22): accepts every message over plain SMTP and throws it away.

    bench/smtp_sink.py <port> <count-file>

The bench scripts start the shop with SPRING_MAIL_PORT=<port> and this sink on it, so that the outbox sends each
e-mail once, as it would to a real mail server, instead of building it again at every retry against a closed port.
It runs outside the shop's JVM, so receiving costs the shop nothing that a real mail server would not.
On SIGTERM or SIGINT it writes "<messages> <bytes>" to <count-file> and exits.
"""
import asyncio
import signal
import sys

received = {"messages": 0, "bytes": 0}


async def session(reader, writer):
    def say(line):
        writer.write(line.encode() + b"\r\n")

    say("220 bench sink")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                say("250-bench sink\r\n250-8BITMIME\r\n250 SIZE 52428800" if verb == b"EHLO" else "250 bench sink")
            elif verb == b"DATA":
                say("354 end with <CRLF>.<CRLF>")
                await writer.drain()
                size = 0
                while True:
                    chunk = await reader.readline()
                    if not chunk or chunk == b".\r\n":
                        break
                    size += len(chunk)
                received["messages"] += 1
                received["bytes"] += size
                say("250 accepted")
            elif verb == b"QUIT":
                say("221 bye")
                break
            else:  # MAIL, RCPT, RSET, NOOP
                say("250 ok")
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(port, count_file):
    server = await asyncio.start_server(session, "127.0.0.1", port, limit=1 << 20)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    with open(count_file, "w") as out:
        out.write(f"{received['messages']} {received['bytes']}\n")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
