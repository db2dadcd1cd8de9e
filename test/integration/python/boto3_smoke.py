"""boto3 against a running emulator: what a Python agent developer does first.

Reads AWS_ENDPOINT_URL / AWS_REGION / credentials from the environment and
LOG_GROUP_ARN for the live tail; prints one JSON object on stdout.
"""

import json
import os

import boto3
from botocore.config import Config

region = os.environ["AWS_REGION"]
control = boto3.client("bedrock-agentcore-control", region_name=region)
data = boto3.client("bedrock-agentcore", region_name=region)
# StartLiveTail carries the host prefix "stream-", which a local endpoint cannot resolve.
logs = boto3.client("logs", region_name=region, config=Config(inject_host_prefix=False))

runtimes = control.list_agent_runtimes(maxResults=100)["agentRuntimes"]
by_name = {r["agentRuntimeName"]: r["agentRuntimeArn"] for r in runtimes}


def invoke(name, prompt, session):
    out = data.invoke_agent_runtime(
        agentRuntimeArn=by_name[name],
        qualifier="DEFAULT",
        runtimeSessionId=session,
        contentType="application/json",
        payload=json.dumps({"prompt": prompt}).encode(),
    )
    return out["response"].read().decode()


reply = invoke("coach_companion", "Plan my week", "boto3-session-0000000000000000000000001")

tail = logs.start_live_tail(logGroupIdentifiers=[os.environ["LOG_GROUP_ARN"]])
events = []
for event in tail["responseStream"]:
    kind = next(iter(event))
    events.append(kind)
    if kind == "sessionStart":
        # Something to tail: the invocation writes log lines to this runtime's group.
        invoke("sre_supervisor", "Why is checkout slow?", "boto3-session-0000000000000000000000002")
    if kind == "sessionUpdate" and event[kind].get("sessionResults"):
        break
    if len(events) >= 4:
        break
tail["responseStream"].close()

print(json.dumps({"runtimes": sorted(by_name), "reply": reply, "events": events}))
