; The Windows installer of the one-folder app that installers/workshop-app.spec builds.
;
;   makensis -DDIST=build\dist\workshop-app -DVERSION=0.1.0 installers\windows\workshop-app.nsi
;
; writes workshop-app-<version>-setup.exe beside this script (-DOUTFILE=<path> to choose).
; -DNO_COMPRESSION compiles in seconds instead of minutes (the tests use it to prove the
; script, not to ship). Relative paths are taken from this script's folder.
;
; The installer runs in Thai or English (the Windows language decides which is offered
; first). A user without administrator rights installs for themself, without a UAC
; prompt, into %LOCALAPPDATA%\Programs\workshop-app; an administrator chooses between
; that and Program Files for everyone. Silent installs: setup.exe /S [/CurrentUser or
; /AllUsers] [/D=folder].
;
; Workshop data is not in the program folder: each user's databases live in
; %LOCALAPPDATA%\workshop-app, and uninstalling leaves them there.
;
; This file is UTF-8 with a byte-order mark, so makensis reads the Thai text right on
; every system.

Unicode true
ManifestDPIAware true

!ifndef DIST
  !error "Name the built app folder: makensis -DDIST=<folder> -DVERSION=<version> workshop-app.nsi"
!endif
!ifndef VERSION
  !error "Give the app's version: makensis -DDIST=<folder> -DVERSION=<version> workshop-app.nsi"
!endif
!ifndef OUTFILE
  !define OUTFILE "workshop-app-${VERSION}-setup.exe"
!endif
!ifdef NO_COMPRESSION
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

; Paths read while compiling: makensis on Linux (where the tests compile this script)
; takes only "/", Windows' takes "\".
!ifdef NSIS_WIN32_MAKENSIS
  !define SEP "\"
!else
  !define SEP "/"
!endif
; makensis works in this script's folder, so relative paths start here.
!define ICON_FILE "..${SEP}icons${SEP}workshop-app.ico"

!define APP_EXE "workshop-app.exe"
!define CLI_EXE "workshop-app-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define START_MENU_FOLDER "$SMPROGRAMS\Workshop app"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\workshop-app"

Name "$(AppName)"
OutFile "${OUTFILE}"
BrandingText "Workshop app ${VERSION}"

; Per user or for everyone (MultiUser.nsh). "Highest" asks administrators for elevation
; and lets everyone else install for themself; the choice and the folder are remembered
; for the next upgrade and the uninstaller in the Add/Remove Programs entry.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "workshop-app"
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UninstallKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Thai first: it is the default where Windows' language is neither. NSIS's Thai file
; lacks the texts of the page that asks for whom to install, so they are given here.
!define MULTIUSER_TEXT_INSTALLMODE_TITLE "เลือกผู้ใช้"
!define MULTIUSER_TEXT_INSTALLMODE_SUBTITLE "เลือกว่าจะติดตั้ง $(^NameDA) ให้ผู้ใช้คนใด"
!define MULTIUSER_INNERTEXT_INSTALLMODE_TOP "ติดตั้งให้ทุกคนที่ใช้เครื่องนี้ (ต้องใช้สิทธิ์ผู้ดูแลระบบ) หรือเฉพาะตัวคุณ $(^ClickNext)"
!define MULTIUSER_INNERTEXT_INSTALLMODE_ALLUSERS "ติดตั้งให้ทุกคนที่ใช้เครื่องนี้"
!define MULTIUSER_INNERTEXT_INSTALLMODE_CURRENTUSER "ติดตั้งเฉพาะตัวฉัน"
!insertmacro MUI_LANGUAGE "Thai"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppName ${LANG_THAI} "โปรแกรมประชุมเชิงปฏิบัติการ"
LangString AppName ${LANG_ENGLISH} "Workshop app"
LangString WelcomeText ${LANG_THAI} "โปรแกรมสำหรับการประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาจังหวัด: ลงทะเบียนตามภาคส่วน ระดมความคิด ลงคะแนน รายงานการประชุม และแผนปฏิบัติราชการประจำปี ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต$\r$\n$\r$\nข้อมูลงานประชุมของผู้ใช้แต่ละคนเก็บไว้ที่ %LOCALAPPDATA%\workshop-app แยกจากโฟลเดอร์โปรแกรม การติดตั้งรุ่นใหม่ทับหรือการถอนการติดตั้งจะไม่ลบข้อมูลนี้$\r$\n$\r$\n$_CLICK"
LangString WelcomeText ${LANG_ENGLISH} "The app for provincial planning workshops: registration by sector, brainstorm, votes, minutes and the annual action plan, with no internet needed.$\r$\n$\r$\nEach user's workshop data is kept in %LOCALAPPDATA%\workshop-app, apart from the program folder. Installing a new version over this one, or uninstalling, does not remove it.$\r$\n$\r$\n$_CLICK"
LangString SectionApp ${LANG_THAI} "โปรแกรม (จำเป็น)"
LangString SectionApp ${LANG_ENGLISH} "The app (required)"
LangString SectionAppHelp ${LANG_THAI} "ตัวโปรแกรมพร้อมทุกอย่างที่ต้องใช้: Qt แบบอักษร Sarabun พจนานุกรมภาษาไทย และทางลัดในเมนูเริ่ม"
LangString SectionAppHelp ${LANG_ENGLISH} "The app with everything it needs: Qt, the Sarabun font, the Thai dictionary, and Start-menu shortcuts."
LangString SectionDesktop ${LANG_THAI} "ทางลัดบนเดสก์ท็อป"
LangString SectionDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SectionDesktopHelp ${LANG_THAI} "วางทางลัดของโปรแกรมไว้บนเดสก์ท็อป"
LangString SectionDesktopHelp ${LANG_ENGLISH} "Put a shortcut to the app on the desktop."
LangString SelfTestShortcut ${LANG_THAI} "ตรวจสอบการติดตั้ง"
LangString SelfTestShortcut ${LANG_ENGLISH} "Check the installation"
LangString SelfTestHelp ${LANG_THAI} "ตรวจว่าโปรแกรม แบบอักษรไทย ฐานข้อมูล และการส่งออกเอกสารทำงานได้บนเครื่องนี้"
LangString SelfTestHelp ${LANG_ENGLISH} "Check that the app, the Thai font, the database and the documents work on this computer."
LangString Needs64Bit ${LANG_THAI} "โปรแกรมนี้ต้องใช้ Windows 64 บิต"
LangString Needs64Bit ${LANG_ENGLISH} "This app needs 64-bit Windows."
LangString UninstallKeepsData ${LANG_THAI} "จะถอนการติดตั้งโปรแกรมออกจากโฟลเดอร์ต่อไปนี้ ข้อมูลงานประชุมใน %LOCALAPPDATA%\workshop-app จะยังอยู่ ลบเองได้เมื่อไม่ต้องการแล้ว"
LangString UninstallKeepsData ${LANG_ENGLISH} "The app will be removed from the folder below. The workshop data in %LOCALAPPDATA%\workshop-app stays; delete it yourself when it is no longer needed."

Section "$(SectionApp)" SectionApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's libraries go first: one left behind could be loaded instead of
  ; the new one. Only the app's own files are touched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}${SEP}*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateDirectory "${START_MENU_FOLDER}"
  CreateShortcut "${START_MENU_FOLDER}\$(AppName).lnk" "$INSTDIR\${APP_EXE}"
  ; The self-test in a console window that stays open, so its lines can be read.
  CreateShortcut "${START_MENU_FOLDER}\$(SelfTestShortcut).lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\${CLI_EXE}" --self-test"' "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SelfTestHelp)"

  ; The Add/Remove Programs entry, in the same registry hive as the install mode.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "Workshop app team"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SectionDesktop)" SectionDesktop
  CreateShortcut "$DESKTOP\$(AppName).lnk" "$INSTDIR\${APP_EXE}"
  ; Its name depends on the installer's language: the uninstaller reads it back.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DesktopShortcut" "$DESKTOP\$(AppName).lnk"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionApp} "$(SectionAppHelp)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionDesktop} "$(SectionDesktopHelp)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "DesktopShortcut"
  ${If} $0 != ""
    Delete "$0"
  ${EndIf}
  RMDir /r "${START_MENU_FOLDER}"
  ; Only what the installer put there: the folder may have been chosen by the user and
  ; hold other files. The workshop data lives elsewhere and is left alone.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd

Function un.onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
