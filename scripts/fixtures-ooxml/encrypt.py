#!/usr/bin/python3
"""Password-protected workbooks made by LibreOffice Calc through python-UNO (the system
Python has it: Debian python3-uno). Writes fixtures/ooxml-cases/:

  password.xls    cases.xlsx saved as "MS Excel 97" with the password "jixiao" (RC4, FILEPASS)
  password.xlsx   cases.xlsx saved as OOXML with the password "jixiao" (agile encryption in an
                  OLE2 container), when this LibreOffice can write it

Run after make-cases.ts:  /usr/bin/python3 scripts/fixtures-ooxml/encrypt.py
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "fixtures", "ooxml-cases")
PASSWORD = "jixiao"


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def free_port():
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main():
    profile = tempfile.mkdtemp(prefix="jixiao-ooxml-uno-")
    port = free_port()
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
         f"--accept=socket,host=localhost,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:socket,host=localhost,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = None
        for _ in range(20):  # the first load can fail while the office is still starting
            doc = desktop.loadComponentFromURL(url(os.path.join(OUT, "cases.xlsx")), "_blank", 0, props(Hidden=True))
            if doc is not None:
                break
            time.sleep(0.5)
        if doc is None:
            raise SystemExit("encrypt.py: expected LibreOffice to open cases.xlsx, found it could not")
        doc.storeToURL(url(os.path.join(OUT, "password.xls")), props(FilterName="MS Excel 97", Password=PASSWORD))
        try:
            secret = NamedValue()
            secret.Name, secret.Value = "OOXPassword", PASSWORD
            enc = PropertyValue()
            enc.Name, enc.Value = "EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", (secret,))
            uno.invoke(doc, "storeToURL", (url(os.path.join(OUT, "password.xlsx")),
                                           uno.Any("[]com.sun.star.beans.PropertyValue",
                                                   props(FilterName="Calc MS Excel 2007 XML") + (enc,))))
        except Exception as err:  # noqa: BLE001 - reported, the XLS is still useful
            print(f"encrypt.py: password.xlsx not written ({err.__class__.__name__})")
        doc.close(True)
    finally:
        office.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
