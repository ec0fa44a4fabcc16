//! Steps for sending and what follows it: `SendEmail` at its documented limits, the status and
//! statistics of what was sent, both blocklists and the abuse report.

use tencentcloud_emulator::EmulatorHandle;
use tencentcloud_ses::enums::{CustomBlocklistFilter, TriggerType, UnsubscribeLanguage};
use tencentcloud_ses::{
    Attachment, Client, CreateCustomBlacklistRequest, DeleteBlackListRequest,
    DeleteCustomBlackListRequest, GetAbuseReportRequest, GetSendEmailStatusRequest,
    GetStatisticsReportRequest, ListBlackEmailAddressRequest, ListCustomBlacklistRequest,
    SendEmailRequest, Template, UpdateCustomBlackListRequest,
};

use super::world::{Outcome, QUERY_SYNTAX, StepFuture, UNICODE, World, check, date, exactly};

/// The template's variables with Unicode values.
pub(crate) fn template(w: &World, name: &str) -> Template {
    let data = serde_json::json!({ "name": format!("{name} {UNICODE}"), "code": "1234" });
    Template {
        template_id: w.template_id,
        template_data: data.to_string(),
    }
}

/// Ten attachments (the most SES allows), the first named with exactly 255 characters (the
/// longest name allowed), all with Unicode names and content.
fn attachments() -> Outcome<Vec<Attachment>> {
    attachment_names()
        .map(|name| Attachment::from_bytes(name, attachment_content()).map_err(|e| e.to_string()))
        .collect()
}

fn attachment_names() -> impl Iterator<Item = String> {
    let longest = exactly(255, "附件📎e\u{301}", ".txt");
    std::iter::once(longest).chain((1..10).map(|i| format!("说明{i}-Zoe\u{308}.csv")))
}

fn attachment_content() -> String {
    format!("内容 {UNICODE}")
}

fn addresses(w: &World, what: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| w.recipient(what, i)).collect()
}

pub(crate) fn send_email<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        // 50 To, 20 Cc and 20 Bcc: the most one mail may have.
        w.destination = addresses(w, "to", 50);
        let request = SendEmailRequest {
            from_email_address: format!("腾讯云 {UNICODE} <{}>", w.sender),
            subject: format!("验证码 {{{{code}}}} {UNICODE} {QUERY_SYNTAX}"),
            destination: Some(w.destination.clone()),
            reply_to_addresses: Some(w.recipient("reply", 0)),
            cc: Some(addresses(w, "cc", 20)),
            bcc: Some(addresses(w, "bcc", 20)),
            template: Some(template(w, "李雷")),
            simple: None,
            attachments: Some(attachments()?),
            unsubscribe: Some(UnsubscribeLanguage::SimplifiedChinese),
            trigger_type: Some(TriggerType::Triggered),
            smtp_message_id: Some(format!("<{}.1@{}>", w.tag, w.domain)),
            smtp_headers: Some(serde_json::json!({ "X-Note": UNICODE }).to_string()),
            header_from: Some(format!("通知 <{}>", w.sender)),
        };
        let sent = w.ok(&request, ses.send_email(&request).await)?;
        check(!sent.message_id.is_empty(), || format!("{sent:?}"))?;
        w.message_id = sent.message_id;
        // Empty optional lists are allowed, and mean none.
        let request = SendEmailRequest {
            destination: Some(vec![w.recipient("solo", 0)]),
            cc: Some(Vec::new()),
            bcc: Some(Vec::new()),
            attachments: Some(Vec::new()),
            ..minimal_mail(w, "韩梅梅")
        };
        w.ok(&request, ses.send_email(&request).await).map(drop)
    })
}

/// A one-recipient templated mail from the scenario's sender.
pub(crate) fn minimal_mail(w: &World, name: &str) -> SendEmailRequest {
    SendEmailRequest::builder()
        .from_email_address(w.sender.clone())
        .subject(format!("{name} {UNICODE}"))
        .destination(vec![w.recipient("one", 0)])
        .template(template(w, name))
        .build()
}

pub(crate) fn get_send_email_status<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = GetSendEmailStatusRequest {
            request_date: date(0),
            offset: 0,
            limit: 100,
            message_id: Some(w.message_id.clone()),
            to_email_address: None,
        };
        let status = w.ok(&request, ses.get_send_email_status(&request).await)?;
        let rows = &status.email_status_list;
        check(rows.iter().all(|r| r.message_id == w.message_id), || {
            format!("other messages listed: {rows:?}")
        })?;
        let missing: Vec<_> = w
            .destination
            .iter()
            .filter(|to| !rows.iter().any(|r| &r.to_email_address == *to))
            .collect();
        check(missing.is_empty(), || format!("no status for {missing:?}"))
    })
}

pub(crate) fn get_statistics_report<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = GetStatisticsReportRequest {
            start_date: date(-1),
            end_date: date(0),
            domain: Some(w.domain.clone()),
            receiving_mailbox_type: None,
        };
        let report = w.ok(&request, ses.get_statistics_report(&request).await)?;
        check(report.daily_volumes.len() == 2, || {
            format!("one volume per day of the range: {report:?}")
        })?;
        check(report.overall_volume.request_count >= 1, || {
            format!("the mail sent today is missing: {report:?}")
        })
    })
}

pub(crate) fn create_custom_blacklist<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        w.blocked = vec![w.recipient("blocked", 0), w.recipient("blocked", 1)];
        let request = CreateCustomBlacklistRequest {
            emails: w.blocked.clone(),
            expire_date: Some(date(30)),
        };
        w.ok(&request, ses.create_custom_blacklist(&request).await)?;
        let request = SendEmailRequest {
            destination: Some(vec![w.blocked[0].clone()]),
            ..minimal_mail(w, "x")
        };
        let refused = ses.send_email(&request).await;
        w.fails(&request, refused, "FailedOperation.EmailAddrInBlacklist")
    })
}

pub(crate) fn list_custom_blacklist<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = ListCustomBlacklistRequest {
            offset: 0,
            limit: 100,
            status: CustomBlocklistFilter::All,
            email: Some(w.blocked[0].clone()),
        };
        let listed = w.ok(&request, ses.list_custom_blacklist(&request).await)?;
        let entries: Vec<_> = listed
            .data
            .iter()
            .flatten()
            .filter(|e| e.email.as_ref() == Some(&w.blocked[0]))
            .collect();
        let [entry] = entries.as_slice() else {
            return Err(format!(
                "expected one entry for {}: {listed:?}",
                w.blocked[0]
            ));
        };
        w.blocklist_id = entry
            .id
            .ok_or_else(|| format!("the entry has no Id: {entry:?}"))?;
        Ok(())
    })
}

pub(crate) fn update_custom_black_list<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let renamed = w.recipient("renamed", 0);
        let request = UpdateCustomBlackListRequest {
            id: w.blocklist_id,
            email: renamed.clone(),
            expire_date: Some(date(60)),
        };
        w.ok(&request, ses.update_custom_black_list(&request).await)?;
        w.blocked[0] = renamed;
        Ok(())
    })
}

pub(crate) fn delete_custom_black_list<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = DeleteCustomBlackListRequest {
            emails: w.blocked.clone(),
        };
        w.ok(&request, ses.delete_custom_black_list(&request).await)?;
        let request = ListCustomBlacklistRequest {
            offset: 0,
            limit: 100,
            status: CustomBlocklistFilter::All,
            email: Some(w.blocked[0].clone()),
        };
        let left = w.ok(&request, ses.list_custom_blacklist(&request).await)?;
        check(left.data.as_ref().is_none_or(Vec::is_empty), || {
            format!("still blocked: {left:?}")
        })
    })
}

pub(crate) fn list_black_email_address<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = ListBlackEmailAddressRequest {
            start_date: date(-30),
            end_date: date(0),
            limit: 100,
            offset: 0,
            email_address: Some(w.recipient("to", 0)),
            task_id: None,
        };
        w.ok(&request, ses.list_black_email_address(&request).await)
            .map(drop)
    })
}

pub(crate) fn delete_black_list<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = DeleteBlackListRequest {
            email_address_list: vec![w.recipient("to", 0)],
        };
        w.ok(&request, ses.delete_black_list(&request).await)
            .map(drop)
    })
}

pub(crate) fn get_abuse_report<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = GetAbuseReportRequest {
            start_time: date(-7),
            end_time: date(0),
            offset: Some(0),
            limit: Some(100),
            from_domain: Some(w.domain.clone()),
            from_address: Some(w.sender.clone()),
            mta: Some("example.net".to_owned()),
            to_address: Some(w.recipient("to", 0)),
            template_id: Some(w.template_id.to_string()),
        };
        w.ok(&request, ses.get_abuse_report(&request).await)
            .map(drop)
    })
}

/// Checks the big mail as the emulator stored and rendered it: every recipient in its place,
/// the subject and both bodies with the variables filled in, and every attachment under its
/// exact name and size. What our client encoded is what the emulator read.
pub(crate) fn check_stored_mail(emulator: &EmulatorHandle, w: &World) -> Outcome {
    let stored = emulator
        .ses()
        .message(&w.message_id)
        .ok_or_else(|| format!("the emulator stored no message {}", w.message_id))?;
    check(stored.to == w.destination, || {
        format!("To: {:?}", stored.to)
    })?;
    check(stored.cc == addresses(w, "cc", 20), || {
        format!("Cc: {:?}", stored.cc)
    })?;
    check(stored.bcc == addresses(w, "bcc", 20), || {
        format!("Bcc: {:?}", stored.bcc)
    })?;
    let subject = format!("验证码 1234 {UNICODE} {QUERY_SYNTAX}");
    check(stored.subject == subject, || {
        format!("subject {:?}", stored.subject)
    })?;
    let name = format!("李雷 {UNICODE}");
    let html = format!("<p>您好 {name}，{UNICODE} 1234</p>");
    check(stored.html.as_deref() == Some(html.as_str()), || {
        format!("HTML body {:?}", stored.html)
    })?;
    let text = format!("您好 {name}, {UNICODE} 1234");
    check(stored.text.as_deref() == Some(text.as_str()), || {
        format!("text body {:?}", stored.text)
    })?;
    let size = attachment_content().len() as u64;
    let expected: Vec<_> = attachment_names().map(|name| (name, size)).collect();
    let got: Vec<_> = stored
        .attachments
        .iter()
        .map(|a| (a.file_name.clone(), a.size))
        .collect();
    check(got == expected, || format!("attachments {got:?}"))
}
