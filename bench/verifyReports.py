"""Baseline verifier for the benchmark: Python `cryptography`, sharing no code with ours.

usage: python3 verifyReports.py KEYS_DIR REPORTS_DIR
Reads `<pointId>.pub.pem` and `*.lkr.json`, builds the DSSE PAE itself, checks the keyid
(sha256 of the SPKI DER) and the Ed25519 signature, parses the payload, requires the payload's
pointId to own the key, sums byPostcode per province. Prints JSON on stdout.
"""
import base64
import hashlib
import json
import os
import sys
import time

import cryptography
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

PAYLOAD_TYPE = "application/vnd.lerarenkaart.report+json;version=1"
RANGES = [
    (1299, "Brussel"), (1499, "Waals-Brabant"), (1999, "Vlaams-Brabant"), (2999, "Antwerpen"),
    (3499, "Vlaams-Brabant"), (3999, "Limburg"), (4999, "Luik"), (5999, "Namen"),
    (6599, "Henegouwen"), (6999, "Luxemburg"), (7999, "Henegouwen"), (8999, "West-Vlaanderen"),
    (9999, "Oost-Vlaanderen"),
]


def province(postcode):
    n = int(postcode)
    for up_to, name in RANGES:
        if n <= up_to:
            return name
    raise ValueError(postcode)


def pae(payload_type, body):
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def main():
    keys_dir, reports_dir = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    keys = {}  # keyid -> (pointId, key)
    for name in sorted(os.listdir(keys_dir)):
        if not name.endswith(".pub.pem"):
            continue
        with open(os.path.join(keys_dir, name), "rb") as f:
            key = load_pem_public_key(f.read())
        der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
        keys[hashlib.sha256(der).hexdigest()] = (name.split(".")[0], key)
    verified = 0
    refused = []
    by_province = {}
    for name in sorted(os.listdir(reports_dir)):
        if not name.endswith(".lkr.json"):
            continue
        with open(os.path.join(reports_dir, name), "rb") as f:
            env = json.loads(f.read())
        if env.get("payloadType") != PAYLOAD_TYPE:
            refused.append(name)
            continue
        body = base64.b64decode(env["payload"])
        message = pae(env["payloadType"], body)
        signer = None
        for s in env["signatures"]:
            entry = keys.get(s["keyid"])
            if entry is None:
                continue
            try:
                entry[1].verify(base64.b64decode(s["sig"]), message)
                signer = entry[0]
                break
            except InvalidSignature:
                pass
        payload = json.loads(body) if signer else None
        if payload is None or payload.get("pointId") != signer:
            refused.append(name)
            continue
        verified += 1
        for row in payload["byPostcode"]:
            sums = by_province.setdefault(province(row["postcode"]), {"cards": 0, "collected": 0})
            sums["cards"] += row["cards"]
            sums["collected"] += row["collected"]
    inner_ms = (time.perf_counter() - start) * 1000
    print(json.dumps({
        "version": "Python %s, cryptography %s" % (sys.version.split()[0], cryptography.__version__),
        "innerMs": inner_ms,
        "verified": verified,
        "refused": refused,
        "byProvince": by_province,
    }))


main()
