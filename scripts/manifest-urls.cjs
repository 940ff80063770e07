/**
 * The manifest of a production build (webpack.config.js copies manifest*.xml through it):
 * - ADDIN_PUBLIC_URL: where dist/ is hosted. Every https://localhost:3000/ URL (taskpane, functions
 *   script and metadata, icons) is rewritten to it. It must be https: Office on the web and
 *   Microsoft Marketplace refuse add-ins that are not served over HTTPS
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests#hosting-requirements).
 *   A missing trailing slash is added (the URLs are joined to it).
 * - ADDIN_SUPPORT_URL: the page that provides support, for <SupportUrl>, which Microsoft
 *   Marketplace requires (same page, "Best practices for submitting to Microsoft Marketplace").
 *   Without it SupportUrl stays the taskpane page, which is no support page.
 * Without ADDIN_PUBLIC_URL the manifest is copied as it is (development, tests).
 */
"use strict";

const DEV_URL = "https://localhost:3000/";

function httpsUrl(value, name) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a full URL such as https://addin.example.com/, got "${value}"`);
  }
  if (url.protocol !== "https:") throw new Error(`${name} must start with https:// (Office loads add-ins only over HTTPS), got "${value}"`);
  return url.href;
}

/** The manifest text for a production build; see the file header. Throws on a URL that is not https. */
function productionManifest(content, { publicUrl, supportUrl } = {}) {
  let text = String(content);
  if (publicUrl) {
    const base = httpsUrl(publicUrl, "ADDIN_PUBLIC_URL").replace(/\/?$/, "/");
    text = text.split(DEV_URL).join(base);
  }
  if (supportUrl) {
    const support = httpsUrl(supportUrl, "ADDIN_SUPPORT_URL");
    text = text.replace(
      /<SupportUrl DefaultValue="[^"]*"\s*\/>/,
      `<SupportUrl DefaultValue="${support.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" />`,
    );
  }
  return text;
}

module.exports = { DEV_URL, productionManifest };
