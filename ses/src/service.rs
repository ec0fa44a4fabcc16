//! The SES service marker: product `ses`, API version `2020-10-02`.

use tencentcloud_core::service;

/// Tencent Cloud Simple Email Service, API version 2020-10-02.
///
/// Every action of this crate names this marker as its service, so each request goes to
/// `ses.tencentcloudapi.com` (or the region's or international variant) with
/// `X-TC-Version: 2020-10-02`, signed for the `ses` credential scope. The documentation lists
/// `ap-guangzhou` and `ap-hongkong` on the Chinese site and `ap-singapore` on the international
/// one as the regions that serve it.
#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;
