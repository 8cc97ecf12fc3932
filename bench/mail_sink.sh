# Sourced by the bench scripts that start the shop (saturation.sh, run.sh, api.sh): a mail server for it to send to.
# mail_sink_start <count-file> starts bench/smtp_sink.py on $MAIL_PORT (the shop's SPRING_MAIL_PORT; by default
# $PORT + 10000) and waits until it listens; mail_sink_stop stops it, which writes "<messages> <bytes>" to the file.
# Without it the shop's outbox met a closed port and built every purchase e-mail (MIME and invoice PDF) again at each
# retry: a fifth of the shop's CPU in the buy scenario that a shop with a mail server never spends.
MAIL_PORT=${MAIL_PORT:-$(( PORT + 10000 ))}
MAIL_SINK_PID=""

mail_sink_start() {
  python3 "$BENCH/smtp_sink.py" "$MAIL_PORT" "$1" &
  MAIL_SINK_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$MAIL_PORT") 2>/dev/null && return 0
    kill -0 "$MAIL_SINK_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the mail sink did not listen on port $MAIL_PORT" >&2
  return 1
}

mail_sink_stop() {
  if [[ -n "$MAIL_SINK_PID" ]] && kill -0 "$MAIL_SINK_PID" 2>/dev/null; then
    kill "$MAIL_SINK_PID" 2>/dev/null || true
    wait "$MAIL_SINK_PID" 2>/dev/null || true
  fi
  MAIL_SINK_PID=""
}
