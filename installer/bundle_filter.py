"""What the PyInstaller spec drops from what PyInstaller's hooks collect (tested in
tests/test_installer_scripts.py)."""

# Qt plugins the app does not need, with the libraries only they bring (the kiosk and
# framebuffer platforms, the virtual keyboard with Qml/Quick, the GTK theme with GTK's stack,
# touch input devices). Kept: platforms xcb, wayland, offscreen and minimal; image formats,
# icon engines, print support, input methods (compose, ibus), xcb GL integration.
UNWANTED_PARTS = (
    "/plugins/qmltooling/", "/plugins/sqldrivers/", "/plugins/multimedia/", "/plugins/position/",
    "/plugins/sensors/", "/plugins/texttospeech/", "/plugins/canbus/", "/plugins/designer/",
    "/plugins/scenegraph/", "/plugins/webview/", "/plugins/networkinformation/",
    "/plugins/egldeviceintegrations/", "/plugins/generic/", "/platforms/libqeglfs",
    "/platforms/libqlinuxfb", "/platforms/libqvnc", "/platforms/libqvkkhrdisplay",
    "/platforms/libqminimalegl", "/platforminputcontexts/libqtvirtualkeyboard",
    "/platforminputcontexts/qtvirtualkeyboard",
    "/platformthemes/libqgtk3",
)
UNWANTED_LIBRARIES = (
    "libQt6Qml", "libQt6Quick", "libQt6VirtualKeyboard", "libQt6EglFS", "libQt6EglFs",
    "Qt6Qml", "Qt6Quick", "Qt6VirtualKeyboard",  # the same on Windows
    "libgtk-3", "libgdk-3", "libgdk_pixbuf", "libatk", "libatk-bridge", "libatspi",
    "libcairo", "libpango", "libepoxy", "libfribidi", "libdatrie", "libthai", "libXcomposite",
    "libXcursor", "libXdamage", "libXfixes", "libXi.", "libXinerama", "libXrandr",
)


def wanted(dest: str) -> bool:
    path = "/" + dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if "/translations/" in path and name.endswith(".qm"):
        return name in ("qt_nl.qm", "qtbase_nl.qm")  # Dutch buttons and dialogs only
    if any(part in path for part in UNWANTED_PARTS):
        return False
    return not name.startswith(UNWANTED_LIBRARIES)
