"""A computed-once attribute without functools.cached_property's lock (Python 3.11 takes an RLock on every first read)."""
from __future__ import annotations


class cached_property:  # noqa: N801 - named as the functools decorator it stands in for
    """Like functools.cached_property: the first read computes the value and stores it in the instance's
    `__dict__`, where later reads find it without calling this descriptor. Without the class-wide lock
    Python 3.11 takes on each first read (removed in 3.12), which cost a per-pair check a microsecond each."""

    def __init__(self, func):
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
