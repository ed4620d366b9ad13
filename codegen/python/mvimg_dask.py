"""mvimg's Dask driver: runs a build's partition actions on Dask workers.

mvimg writes this file next to a request and runs

    python3 mvimg_dask.py ACTIONS.json RESULTS.json

ACTIONS.json: {"scheduler": {"address": ADDR} | {"file": PATH},
               "security": {"ca": PATH, "cert": PATH, "key": PATH} (optional),
               "timeout": SECONDS, "step": NAME, "build": RANDOM_ID,
               "tasks": [{"id": N, "digest": HEX, "argv": [...],
                          "inputs": {NAME: PATH}, "outputs": [NAME],
                          "out_dir": PATH}]}

Each task's input files are sent to the cluster, its argv runs in a scratch
directory on a worker, and its output files come back into out_dir. Task keys
are mvimg-STEP-BUILD-N, unique to the build; each result carries its task's
digest back, and one that does not is refused.
With "replicas": 2 in ACTIONS.json each task runs twice, placed on two
different workers, and the two results' outputs are compared (a worker that
does not compute what it is asked is caught unless another lies the same
way); with one worker there is nothing to compare.
RESULTS.json: [{"id": N, "worker": ADDRESS, "seconds": S, "second": ADDRESS
or null, "agree": true | false | null}]: "second" the replica's worker (null:
no replica ran), "agree" whether the outputs were equal. When they were not,
the replica's outputs are in out_dir/second. The driver prints "done N" as
each task finishes.

Exit status: 0 all done; 1 a task failed (the worker's message on stderr);
3 no scheduler or no worker reachable (mvimg compiles locally); 4 Dask
distributed cannot be imported.
"""

import json
import os
import sys

UNREACHABLE = 3
NO_DASK = 4


def run_task(argv, inputs, outputs, digest):
    """Runs on a worker: writes the inputs, runs argv, returns the outputs
    with the action's digest."""
    import subprocess
    import tempfile
    import time

    from distributed import get_worker

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mvimg-task-") as scratch:
        for name, data in inputs.items():
            with open(os.path.join(scratch, name), "wb") as f:
                f.write(data)
        try:
            done = subprocess.run(argv, cwd=scratch, capture_output=True)
        except OSError as error:
            return {"error": f"cannot run {argv[0]}: {error}", "worker": get_worker().address}
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            return {
                "error": f"{' '.join(argv[:3])} exited with {done.returncode}: {message}",
                "worker": get_worker().address,
            }
        files = {}
        for name in outputs:
            with open(os.path.join(scratch, name), "rb") as f:
                files[name] = f.read()
    return {
        "outputs": files,
        "digest": digest,
        "worker": get_worker().address,
        "seconds": time.monotonic() - started,
    }


def main():
    request_path, results_path = sys.argv[1], sys.argv[2]
    with open(request_path) as f:
        request = json.load(f)
    try:
        from distributed import Client
    except ImportError as error:
        print(f"{sys.executable}: {error}", file=sys.stderr)
        return NO_DASK

    timeout = request.get("timeout", 10)
    scheduler = request["scheduler"]
    where = scheduler.get("address") or f"the scheduler file {scheduler.get('file')}"
    # TLS: the files mvimg was given, else Dask's own configuration
    # (Client's default Security reads distributed.comm.tls.*).
    security = None
    if "security" in request:
        from distributed.security import Security

        files = request["security"]
        security = Security(
            tls_ca_file=files["ca"],
            tls_client_cert=files["cert"],
            tls_client_key=files["key"],
            require_encryption=True,
        )
    try:
        if "file" in scheduler:
            if not os.path.exists(scheduler["file"]):
                print(f"no scheduler file at {scheduler['file']}", file=sys.stderr)
                return UNREACHABLE
            client = Client(scheduler_file=scheduler["file"], timeout=timeout, security=security)
        else:
            client = Client(scheduler["address"], timeout=timeout, security=security)
    except Exception as error:  # OSError, TimeoutError: nothing answered
        print(f"cannot reach the Dask scheduler at {where}: {error}", file=sys.stderr)
        return UNREACHABLE
    try:
        return run_tasks(client, request, results_path, where, timeout)
    except Exception as error:  # the cluster went away, or Dask failed
        if is_lost_connection(error):
            print(f"lost the Dask scheduler at {where} ({type(error).__name__})", file=sys.stderr)
            return UNREACHABLE
        print(f"the distributed build failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        try:
            client.close(timeout=2)
        except Exception:
            pass


def is_lost_connection(error):
    """Whether `error` says the scheduler (or the connection to it) is gone."""
    names = {"CommClosedError", "StreamClosedError", "TimeoutError", "CancelledError",
             "ConnectionRefusedError", "ConnectionResetError", "BrokenPipeError", "OSError"}
    seen = error
    while seen is not None:
        if type(seen).__name__ in names or isinstance(seen, OSError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def run_tasks(client, request, results_path, where, timeout):
    """Submits every task, waits for them, writes their outputs; the exit
    status main returns."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:
        print(f"the Dask scheduler at {where} has no workers", file=sys.stderr)
        return UNREACHABLE
    from distributed import as_completed

    replicas = request.get("replicas", 1)
    workers = sorted(client.scheduler_info()["workers"])
    if len(workers) < 2:
        replicas = 1
    futures = {}
    for task in request["tasks"]:
        inputs = {}
        for name, path in task["inputs"].items():
            with open(path, "rb") as f:
                inputs[name] = f.read()
        for copy in range(replicas):
            # The key is unique to this build (a random id, never a PID):
            # the scheduler keeps the first task of a key it already has.
            # Replicas prefer two different workers.
            placement = {}
            if replicas > 1:
                placement = {
                    "workers": [workers[(task["id"] + copy) % len(workers)]],
                    "allow_other_workers": True,
                }
            future = client.submit(
                run_task,
                task["argv"],
                inputs,
                task["outputs"],
                task["digest"],
                key=f"mvimg-{request['step']}-{request['build']}-{task['id']}-{copy}",
                pure=False,
                retries=1,
                **placement,
            )
            futures[future] = (task, copy)
    results = []
    arrived = {}
    for future in as_completed(futures):
        task, copy = futures[future]
        result = future.result()
        if "error" in result:
            print(f"on worker {result['worker']}: {result['error']}", file=sys.stderr)
            return 1
        if result.get("digest") != task["digest"]:
            print(
                f"worker {result.get('worker')} returned a result for another action "
                f"(task {task['id']} of step {request['step']})",
                file=sys.stderr,
            )
            return 1
        arrived.setdefault(task["id"], {})[copy] = result
        if len(arrived[task["id"]]) < replicas:
            continue
        first = arrived[task["id"]][0]
        second = arrived[task["id"]].get(1)
        os.makedirs(task["out_dir"], exist_ok=True)
        for name, data in first["outputs"].items():
            with open(os.path.join(task["out_dir"], name), "wb") as f:
                f.write(data)
        agree = None
        if second is not None:
            agree = second["outputs"] == first["outputs"]
            if not agree:
                other = os.path.join(task["out_dir"], "second")
                os.makedirs(other, exist_ok=True)
                for name, data in second["outputs"].items():
                    with open(os.path.join(other, name), "wb") as f:
                        f.write(data)
        results.append(
            {
                "id": task["id"],
                "worker": first["worker"],
                "seconds": first["seconds"],
                "second": second["worker"] if second is not None else None,
                "agree": agree,
            }
        )
        print(f"done {task['id']}", flush=True)
    with open(results_path, "w") as f:
        json.dump(results, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
