"""The CPU samples of a JFR recording, read as a stream (bench/layers.py, bench/profile.py).

`jfr print --json` of a whole saturation run is gigabytes (every frame with its class loader and module); the text
form is a tenth of it and is read here line by line, so no run needs the recording in memory.
"""
import subprocess


def samples(recording):
    """Yields (time "HH:MM:SS", frames innermost first as "package.Class.method") for each jdk.ExecutionSample.

    recording: a .jfr file, or the text printed once from one with
    `jfr print --stack-depth 512 --events jdk.ExecutionSample <file>.jfr > <file>.txt` (printing takes minutes)."""
    if recording.endswith(".jfr"):
        process = subprocess.Popen(["jfr", "print", "--stack-depth", "512", "--events", "jdk.ExecutionSample",
                                    recording], stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
        lines = process.stdout
    else:
        process, lines = None, open(recording)
    at, frames, in_stack = None, [], False
    for line in lines:
        line = line.strip()
        if in_stack:
            if line == "]":
                in_stack = False
                if frames:
                    yield at, frames
            elif line != "...":
                frames.append(line.split("(", 1)[0])
        elif line.startswith("startTime = "):
            at = line[12:20]
        elif line == "stackTrace = [":
            in_stack, frames = True, []
    if process:
        process.wait()
