"""Assembles a root file system that runs this machine's own moto server, for `docker import`.

No container registry is reachable from the project's machines, so no base image can be pulled. Instead this copies
the python that runs moto here (its standard library and the installed distributions moto[server] needs, found
through their own metadata, not guessed), the shared libraries those binaries load (found with ldd), and the
gateway script that serves moto on LocalStack's port. Usage: python3 moto_rootfs.py ROOTFS_DIR GATEWAY_SCRIPT
"""

import importlib.metadata as metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig

PREFIX_IN_IMAGE = "/opt/python"
# Parts of the standard library a server never imports: tests, GUIs, installers.
STDLIB_SKIPPED = {"test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "site-packages", "dist-packages"}
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
EXTRA_MARKER = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root, extras):
    """Every installed distribution `root[extras]` needs, by its Requires-Dist lines."""
    wanted, queue = {}, [(root, set(extras))]
    while queue:
        name, requested = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            # An optional need that is not installed here (e.g. a marker for another platform): moto runs without it.
            continue
        key = canonical(dist.metadata["Name"])
        if key in wanted and requested <= wanted[key][1]:
            continue
        chosen = (wanted[key][1] if key in wanted else set()) | requested
        wanted[key] = (dist, chosen)
        for line in dist.requires or []:
            requirement, _, marker = line.partition(";")
            extra = EXTRA_MARKER.search(marker)
            if extra and extra.group(1) not in chosen:
                continue
            match = REQUIREMENT.match(requirement)
            if match:
                queue.append((match.group(1), {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}))
    return [dist for dist, _ in wanted.values()]


def copy(source, target):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copy2(source, target, follow_symlinks=True)


def shared_libraries(binary):
    """The absolute paths ldd resolves for one ELF file (none for a script or a static binary)."""
    result = subprocess.run(["ldd", binary], capture_output=True, text=True, check=False)
    found = []
    for line in result.stdout.splitlines():
        parts = line.split()
        if "=>" in parts and len(parts) > parts.index("=>") + 1 and parts[parts.index("=>") + 1].startswith("/"):
            found.append(parts[parts.index("=>") + 1])
        elif parts and parts[0].startswith("/"):
            found.append(parts[0])
    return found


def main(rootfs, gateway):
    prefix = sys.base_prefix
    stdlib = sysconfig.get_paths()["stdlib"]
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    elf_files = [os.path.realpath(sys.executable)]

    copy(os.path.realpath(sys.executable), os.path.join(rootfs, PREFIX_IN_IMAGE.lstrip("/"), "bin", "python3"))

    for entry in os.listdir(stdlib):
        if entry in STDLIB_SKIPPED:
            continue
        source = os.path.join(stdlib, entry)
        target = os.path.join(rootfs, PREFIX_IN_IMAGE.lstrip("/"), "lib", version, entry)
        if os.path.isdir(source):
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "test", "tests"), symlinks=False)
        else:
            copy(source, target)
    for folder, _, files in os.walk(os.path.join(stdlib, "lib-dynload")):
        elf_files += [os.path.join(folder, f) for f in files if f.endswith(".so")]

    site = os.path.join(rootfs, PREFIX_IN_IMAGE.lstrip("/"), "lib", version, "site-packages")
    distributions = closure("moto", {"server"})
    for dist in distributions:
        for file in dist.files or []:
            source = os.path.realpath(dist.locate_file(file))
            if "__pycache__" in str(file) or not os.path.isfile(source) or str(file).startswith(".."):
                continue
            copy(source, os.path.join(site, str(file)))
            if source.endswith(".so") or ".so." in source:
                elf_files.append(source)

    # Libraries outside python's prefix (libc, libssl, libffi, ...) keep their paths, so the dynamic loader finds them
    # as it does here; those inside it (libpython of a python built into its own prefix) go flat into the image's
    # lib folder, which the image's LD_LIBRARY_PATH names, wherever the prefix was here.
    system_libraries = set()
    for elf in elf_files:
        system_libraries.update(shared_libraries(elf))
    for library in sorted(system_libraries):
        inside = library.startswith(prefix.rstrip("/") + "/")
        target = os.path.join(PREFIX_IN_IMAGE, "lib", os.path.basename(library)) if inside else library
        copy(library, os.path.join(rootfs, target.lstrip("/")))

    copy(gateway, os.path.join(rootfs, "opt", "suite", "gateway.py"))
    os.makedirs(os.path.join(rootfs, "tmp"), mode=0o1777, exist_ok=True)
    os.chmod(os.path.join(rootfs, "tmp"), 0o1777)
    print(f"{len(distributions)} distributions, {len(system_libraries)} system libraries")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: moto_rootfs.py ROOTFS_DIR GATEWAY_SCRIPT")
    main(sys.argv[1], sys.argv[2])
