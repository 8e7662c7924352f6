# Shared helpers for the throwaway database scripts (sourced, not run).
# Why throwaway: tests and the benchmark need a real server without touching any system
# installation; everything lives under one directory that stop-*.sh removes.

# Prints a free TCP port on 127.0.0.1 (asks the kernel for one).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits until "$@" succeeds, up to 30 s.
wait_for() {
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}
