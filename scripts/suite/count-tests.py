#!/usr/bin/env python3
"""Counts the tests whose fully qualified name contains a word, from the .trx files `dotnet test --logger trx` wrote.

usage: count-tests.py RESULTS_DIR WORD   (prints e.g. "moto-backed: 61 passed, 0 failed (tests named *Moto*)")
"""
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(results: str, word: str) -> None:
    counts = {"Passed": 0, "Failed": 0}
    for trx in pathlib.Path(results).glob("**/*.trx"):
        for result in ElementTree.parse(trx).getroot().iterfind(".//t:UnitTestResult", NS):
            if word in result.get("testName", "") and result.get("outcome") in counts:
                counts[result.get("outcome")] += 1
    print(f"{word.lower()}-backed: {counts['Passed']} passed, {counts['Failed']} failed (tests named *{word}*)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
