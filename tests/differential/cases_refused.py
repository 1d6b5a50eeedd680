"""Programs outside the subset: pyfora must refuse each with
`pyfora.PythonToForaConversionError` whose message contains `match`.

None of these functions is run in CPython by the harness.
"""
import os
import random
import time

from case import refused

COUNTER = 0
REGISTRY = []
SETTINGS = {"mode": "fast"}


# --- global / nonlocal ------------------------------------------------------

def bump_counter(n):
    global COUNTER
    COUNTER += n
    return COUNTER


def read_counter(n):
    global COUNTER
    return COUNTER + n


# --- with -----------------------------------------------------------------

class Managed:
    def __enter__(self):
        return 1

    def __exit__(self, *exc):
        return False


def managed_add(n):
    with Managed() as m:
        return m + n


# --- imports inside functions ---------------------------------------------

def sqrt_inside(x):
    import math
    return math.sqrt(x)


def floor_inside(x):
    from math import floor
    return floor(x)


# --- I/O and dynamic code ---------------------------------------------------

def read_path(path):
    handle = open(path)
    return handle.read()


def compute_expr(expr):
    return eval(expr)


def run_source(src):
    exec(src)
    return 1


def cwd_plus(n):
    return os.getcwd() + str(n)


def env_lookup(key):
    return os.environ.get(key, "")


def jitter(n):
    return random.random() * n


def stamp_now(n):
    return time.time() + n


def prompt_user(prompt):
    return input(prompt)


def object_number(x):
    return id(x)


# --- mutation of things the frame does not own -----------------------------

def add_one_to(l):
    l.append(1)
    return l


def setitem_on_argument(l):
    l[0] = 5
    return l


def setitem_on_dict_argument(d):
    d["k"] = 1
    return d


def augmented_assign_on_argument(l):
    l += [1]
    return l


def register(x):
    REGISTRY.append(x)
    return len(REGISTRY)


def setitem_on_global(v):
    SETTINGS["mode"] = v
    return SETTINGS


class Box:
    def __init__(self, v):
        self.v = v

    def set(self, v):
        self.v = v
        return self


def set_attribute_on_argument(box):
    box.v = 5
    return box


def augmented_attribute_on_argument(box):
    box.v += 1
    return box.v


def set_class_attribute(v):
    Box.default = v
    return v


# --- async ----------------------------------------------------------------

async def coroutine_fn(x):
    return x


def makes_coroutine(x):
    async def inner():
        return x
    return inner()


CASES = [
    refused(bump_counter, 1, match="global"),
    refused(read_counter, 1, match="global"),
    refused(managed_add, 1, match="with"),
    refused(sqrt_inside, 4.0, match="import"),
    refused(floor_inside, 4.5, match="import"),
    refused(read_path, "/etc/hostname", match="open"),
    refused(compute_expr, "1 + 1", match="eval"),
    refused(run_source, "x = 1", match="exec"),
    refused(cwd_plus, 1, match="os"),
    refused(env_lookup, "HOME", match="os"),
    refused(jitter, 3, match="random"),
    refused(stamp_now, 3, match="time"),
    refused(prompt_user, "? ", match="input"),
    refused(object_number, 3, match="id"),
    refused(add_one_to, [1], match="append"),
    refused(setitem_on_argument, [1, 2], match="mutat"),
    refused(setitem_on_dict_argument, {"a": 0}, match="mutat"),
    refused(augmented_assign_on_argument, [0], match="mutat"),
    refused(register, 3, match="append"),
    refused(setitem_on_global, "slow", match="mutat"),
    refused(set_attribute_on_argument, Box(1), match="mutat"),
    refused(augmented_attribute_on_argument, Box(1), match="mutat"),
    refused(set_class_attribute, 7, match="mutat"),
    refused(coroutine_fn, 1, match="async"),
    refused(makes_coroutine, 1, match="async"),
]
