; Windows installer of Vrijwilligersregister Helmond (NSIS 3, Unicode).
; Per user, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\VrijwilligersregisterHelmond, the register stays in
; %LOCALAPPDATA%\VrijwilligersregisterHelmond (never touched by installing, updating or
; uninstalling).
;
; Built by installer\windows\build.ps1:
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\vrijwilligers-app
;            /DOUTFILE=..\..\dist\VrijwilligersregisterHelmond-setup-0.1.0.exe vrijwilligers.nsi
; The syntax is checked on Linux by tests/test_installer_scripts.py with a dummy payload.

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "geef /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "geef /DPAYLOAD=map met de PyInstaller-bundel"
!endif
!ifndef OUTFILE
  !define OUTFILE "VrijwilligersregisterHelmond-setup-${VERSION}.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\vrijwilligers-app.ico"
!endif

!define APPNAME "Vrijwilligersregister Helmond"
!define APPKEY "VrijwilligersregisterHelmond"
!define EXE "VrijwilligersregisterHelmond.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1043 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1043 "FileDescription" "Installatie van ${APPNAME}"
VIAddVersionKey /LANG=1043 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Dit installeert ${APPNAME} ${VERSION} voor uw eigen gebruikersaccount. U hebt geen beheerdersrechten nodig.$\r$\n$\r$\nStaat er al een oudere versie op deze computer, dan wordt die bijgewerkt. Uw register blijft bewaard; bij de eerste start wordt het, na een automatische back-up, bijgewerkt naar de nieuwe versie.$\r$\n$\r$\nSluit het programma als het nog open staat."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "${APPNAME} nu starten"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

Section "Programma" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the program files of the older version, never the data (which lives
  ; elsewhere): old libraries left beside new ones could be loaded by mistake.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\Verwijderen.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 \
      SW_SHOWNORMAL "" "Register van de sociale basis"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Sociale basis Helmond"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Verwijderen.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Verwijderen.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\vrijwilligers-app.exe"
  Delete "$INSTDIR\Verwijderen.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  MessageBox MB_OK|MB_ICONINFORMATION "${APPNAME} is verwijderd.$\r$\n$\r$\nUw gegevens zijn NIET verwijderd: het register, de back-ups en het logboek staan nog in$\r$\n$LOCALAPPDATA\${APPKEY}$\r$\n$\r$\nInstalleert u het programma later opnieuw, dan vindt het ze daar terug. Wilt u ze echt kwijt, maak dan eerst een back-up en verwijder daarna zelf die map." /SD IDOK
SectionEnd
