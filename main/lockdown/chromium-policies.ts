import type { LockdownPolicy } from './policy';

/** Where Debian's Chromium reads machine-wide managed policies (one JSON object per file). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const CHROMIUM_POLICY_FILE = 'borne.json';

/** Chromium's content setting values. */
const BLOCK = 2;

/**
 * The lockdown policy as Chromium's enterprise policies: the only way to stop its native dialogs (file
 * chooser, print preview) and the shortcuts handled by the browser itself, which DevTools never sees.
 * What policies cannot say (closing a window the instant it opens, per-visit decisions) the shell
 * does over DevTools. The result depends on the profile only, so an installed file can be checked.
 */
export function chromiumManagedPolicies(policy: LockdownPolicy): Record<string, unknown> {
  const kioskPages = policy.kioskPages.filter((page) => page.startsWith('http'))
    // A URL filter without a port matches every port: the kiosk's port changes at every launch.
    .map((page) => page.replace(/:\d*\/?$/, '').replace(/\/$/, ''));
  // Procedures often share a site (service-public.fr): each filter once.
  const sites = [...new Set(policy.allow.map((rule) => `${rule.origin}${rule.pathPrefix}`))];
  return {
    // Everything is refused but the kiosk's pages and the profile's sites (schemes included: file:,
    // chrome:, devtools:, view-source:, javascript:, data:).
    URLBlocklist: ['*'],
    URLAllowlist: [...kioskPages, ...sites],
    // Native dialogs a visitor could use to browse the disk or leave the kiosk.
    AllowFileSelectionDialogs: false,
    PrintingEnabled: false,
    // Every download blocked: a file kept in an off-the-record window still lands in ~/Downloads, on disk.
    DownloadRestrictions: 3,
    PromptForDownloadLocation: false,
    // Every window is off the record, so nothing of a visit is written to the profile; no guest, no other person.
    IncognitoModeAvailability: 2,
    BrowserGuestModeEnabled: false,
    BrowserAddPersonEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    // DevTools stay available on purpose: DeveloperToolsAvailability 2 also refuses the shell's own
    // DevTools pipe ("Target.attachToTarget: Not allowed"). devtools:// is blocked by URLBlocklist,
    // and any window that opens is closed over DevTools.
    TaskManagerEndProcessEnabled: false,
    // Nothing stored, suggested or translated.
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    SearchSuggestEnabled: false,
    TranslateEnabled: false,
    SpellCheckServiceEnabled: false,
    BookmarkBarEnabled: false,
    EditBookmarksEnabled: false,
    // Permissions: refused by default; the camera and microphone only for the profile's media origins.
    DefaultGeolocationSetting: BLOCK,
    DefaultNotificationsSetting: BLOCK,
    DefaultPopupsSetting: BLOCK,
    DefaultSensorsSetting: BLOCK,
    DefaultSerialGuardSetting: BLOCK,
    DefaultWebUsbGuardSetting: BLOCK,
    DefaultWebHidGuardSetting: BLOCK,
    DefaultWebBluetoothGuardSetting: BLOCK,
    DefaultFileSystemReadGuardSetting: BLOCK,
    DefaultFileSystemWriteGuardSetting: BLOCK,
    DefaultClipboardSetting: BLOCK,
    DefaultLocalFontsSetting: BLOCK,
    DefaultWindowManagementSetting: BLOCK,
    AudioCaptureAllowed: false,
    VideoCaptureAllowed: false,
    AudioCaptureAllowedUrls: [...policy.mediaOrigins],
    VideoCaptureAllowedUrls: [...policy.mediaOrigins],
    ExternalProtocolDialogShowAlwaysOpenCheckbox: false,
    AutoplayAllowed: true,
  };
}
