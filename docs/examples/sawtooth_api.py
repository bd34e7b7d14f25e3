"""Submit networks to Sawtooth from a notebook, with the Python standard library only.

Set SAWTOOTH_URL (default http://127.0.0.1:3000) and SAWTOOTH_TOKEN (a token from
/account/tokens), then run this file, or paste the functions into a notebook cell.
"""

import json
import os
import time
import urllib.error
import urllib.request
from fractions import Fraction

BASE_URL = os.environ.get("SAWTOOTH_URL", "http://127.0.0.1:3000").rstrip("/") + "/api/v1"
TOKEN = os.environ["SAWTOOTH_TOKEN"]


class SawtoothError(Exception):
    """An error response of the API, with its HTTP status, code and message."""

    def __init__(self, status, code, message, body):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.body = body


def request(method, path, body=None):
    """Send one request and return the decoded JSON, waiting out a 429 once."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    for attempt in range(2):
        req = urllib.request.Request(BASE_URL + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                text = response.read().decode("utf-8")
                return json.loads(text) if "json" in response.headers["Content-Type"] else text
        except urllib.error.HTTPError as error:
            body = json.loads(error.read().decode("utf-8"))
            if error.code == 429 and attempt == 0:
                time.sleep(int(error.headers["Retry-After"]))
                continue
            raise SawtoothError(error.code, body["error"]["code"], body["error"]["message"], body)


def submit(course, exercise, network):
    """Grade `network` (a dict in the native or state_dict format) and return the result."""
    path = f"/courses/{course}/exercises/{exercise}/attempts"
    return request("POST", path, {"submission": network})


def exact(value, max_denominator=None):
    """Return a float as the grader should read it.

    Without max_denominator the float is returned as it is: json writes the shortest decimal
    that reads back as the same double, and the grader reads that decimal exactly, so a trained
    0.49999997 stays 0.49999997. With max_denominator the nearest fraction p/q with
    q <= max_denominator is returned as the string "p/q", such as "-1/2".
    """
    if max_denominator is None:
        return value
    return str(Fraction(value).limit_denominator(max_denominator))


def export_sequential(model, fmt="native", max_denominator=None):
    """Convert a torch.nn.Sequential of Linear and ReLU layers to a submission dict.

    fmt="native" returns {"layers": [...]} with ReLU between layers and the identity on the
    output. fmt="state_dict" returns the model's state_dict with each tensor as nested lists,
    which the grader reads with the same activations. See exact() for max_denominator.
    """

    def convert(rows):
        if isinstance(rows, list):
            return [convert(row) for row in rows]
        return exact(rows, max_denominator)

    if fmt == "state_dict":
        return {key: convert(tensor.tolist()) for key, tensor in model.state_dict().items()}
    if fmt != "native":
        raise ValueError(f'fmt must be "native" or "state_dict", not {fmt!r}.')
    layers = []
    for module in model:
        name = type(module).__name__
        if name == "Linear":
            weights = convert(module.weight.detach().tolist())
            bias = module.bias
            biases = convert(bias.detach().tolist()) if bias is not None else [0] * len(weights)
            layers.append({"weights": weights, "biases": biases})
        elif name != "ReLU":
            raise ValueError(f"Only Linear and ReLU layers can be exported, not {name}.")
    return {"layers": layers, "activation": "relu", "outputActivation": "identity"}


if __name__ == "__main__":
    courses = request("GET", "/courses")["courses"]
    print("courses:", [course["slug"] for course in courses])
    course = courses[0]["slug"]
    exercises = request("GET", f"/courses/{course}/exercises")["exercises"]
    print("exercises:", [exercise["slug"] for exercise in exercises])

    # The tent map h2(x) = 2 relu(x) - 4 relu(x - 1/2), as a state_dict with one wrong weight.
    wrong = {"0.weight": [[1], [1]], "0.bias": [0, -0.5], "2.weight": [[2, -2]], "2.bias": [0]}
    result = submit(course, "tent-h2", wrong)
    feedback = result["feedback"]
    print("verdict:", feedback["verdict"], "counterexample:", feedback["counterexample"])
    for message in feedback["messages"]:
        print(" -", message)

    right = {
        "layers": [
            {"weights": [[1], [1]], "biases": [0, "-1/2"]},
            {"weights": [[2, -4]], "biases": [0]},
        ]
    }
    result = submit(course, "tent-h2", right)
    print("verdict:", result["feedback"]["verdict"], "score:", result["attempt"]["score"])

    attempt = request("GET", f"/attempts/{result['attempt']['id']}")
    print("stored attempt:", attempt["id"], attempt["verdict"], attempt["submittedAt"])

    try:
        submit(course, "tent-h2", {"layers": []})
    except SawtoothError as error:
        print("invalid:", error.status, error.code)
