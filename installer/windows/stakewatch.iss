; Inno Setup 6 script: a per-user installer (no administrator rights) for the PyInstaller one-folder build.
; Build the bundle first (pyinstaller --noconfirm installer\stakewatch.spec), then:
;   powershell -File installer\windows\build.ps1      (passes the version from pyproject.toml)
; or by hand:  iscc /DAppVersion=0.1.0 installer\windows\stakewatch.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{8E6B2F4A-3C1D-4B7E-9A55-5D2C0F6E7A11}
AppName=Stakewatch
AppVersion={#AppVersion}
AppVerName=Stakewatch {#AppVersion}
AppPublisher=Stakewatch contributors
DefaultDirName={autopf}\Stakewatch
DefaultGroupName=Stakewatch
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=stakewatch-{#AppVersion}-windows-setup
SetupIconFile=..\icons\stakewatch.ico
UninstallDisplayIcon={app}\stakewatch.exe
UninstallDisplayName=Stakewatch
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "startup"; Description: "Start Stakewatch when I log in"; GroupDescription: "Startup:"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\stakewatch\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Stakewatch"; Filename: "{app}\stakewatch.exe"
Name: "{group}\{cm:UninstallProgram,Stakewatch}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Stakewatch"; Filename: "{app}\stakewatch.exe"; Tasks: desktopicon

[Registry]
; the same value the app's own "Start at login" setting writes, so either can turn it off
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Stakewatch"; \
    ValueData: """{app}\stakewatch.exe"""; Flags: uninsdeletevalue; Tasks: startup

[Run]
Filename: "{app}\stakewatch.exe"; Description: "{cm:LaunchProgram,Stakewatch}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\taskkill.exe"; Parameters: "/IM stakewatch.exe /F"; Flags: runhidden; RunOnceId: "StopStakewatch"

[UninstallDelete]
Type: filesandordirs; Name: "{app}"
