//! Steps for recipient lists and batch tasks, at their documented limits, and the deletions
//! that end the scenario (each followed by the error the deleted thing now answers).

use std::time::Duration;

use tencentcloud_core::HttpMethod;
use tencentcloud_ses::enums::{ReceiverListStatus, TaskType};
use tencentcloud_ses::{
    BatchSendEmailRequest, Client, CreateReceiverDetailRequest,
    CreateReceiverDetailWithDataRequest, CreateReceiverRequest, CycleEmailParam,
    DeleteAddressUnsubscribeConfigRequest, DeleteEmailAddressRequest, DeleteEmailIdentityRequest,
    DeleteEmailTemplateRequest, DeleteReceiverRequest, GetEmailIdentityRequest,
    GetEmailTemplateRequest, ListReceiverDetailsRequest, ListReceiversRequest,
    ListSendTasksRequest, ReceiverInputData, TimedEmailParam,
};

use super::mail::template;
use super::world::{
    StepFuture, UNICODE, World, check, exactly, template_data_of_len, tomorrow_noon,
};

/// Most addresses one `CreateReceiverDetail` call may add.
const MAX_DETAILS_PER_CALL: usize = 20_000;
/// As many as fit in a GET request's 32 KiB.
const DETAILS_IN_A_GET: usize = 300;
/// Longest per-recipient template data, in bytes.
const MAX_RECEIVER_DATA_BYTES: usize = 800;

/// `count` addresses: one with Unicode first, then short ASCII ones, so that 20 000 of them
/// fit the 1 MiB of a v1 form body.
fn plain_addresses(w: &World, count: usize) -> Vec<String> {
    let unicode = std::iter::once(w.recipient("list", 0));
    unicode
        .chain((1..count).map(|i| format!("p{i}@l.example")))
        .collect()
}

pub(crate) fn create_receiver<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        // A description of 300 characters, the longest allowed.
        let plain = CreateReceiverRequest {
            receivers_name: format!("名单 {UNICODE} {}", w.tag),
            desc: Some(exactly(300, "收件人说明", "")),
        };
        w.plain_list = w.ok(&plain, ses.create_receiver(&plain).await)?.receiver_id;
        let with_data = CreateReceiverRequest {
            receivers_name: format!("变量名单 {}", w.tag),
            desc: None,
        };
        w.data_list = w
            .ok(&with_data, ses.create_receiver(&with_data).await)?
            .receiver_id;
        let again = ses.create_receiver(&with_data).await;
        w.fails(
            &with_data,
            again,
            "InvalidParameterValue.RepeatReceiverName",
        )
    })
}

pub(crate) fn create_receiver_detail<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let most = CreateReceiverDetailRequest {
            receiver_id: w.plain_list,
            emails: plain_addresses(w, MAX_DETAILS_PER_CALL),
        };
        let request = if w.method == HttpMethod::Get {
            // 20 000 addresses cannot travel in a GET: the client says so without sending.
            let refused = ses.create_receiver_detail(&most).await;
            w.refused_locally::<CreateReceiverDetailRequest>(refused)?;
            CreateReceiverDetailRequest {
                receiver_id: w.plain_list,
                emails: plain_addresses(w, DETAILS_IN_A_GET),
            }
        } else {
            most
        };
        let added = w.ok(&request, ses.create_receiver_detail(&request).await)?;
        let total = request.emails.len() as u64;
        check(added.total_count.is_none_or(|n| n == total), || {
            format!("{added:?}")
        })
    })
}

pub(crate) fn create_receiver_detail_with_data<'a>(
    ses: &'a Client,
    w: &'a mut World,
) -> StepFuture<'a> {
    Box::pin(async move {
        let entry = |w: &World, index, bytes| ReceiverInputData {
            email: w.recipient("data", index),
            template_data: template_data_of_len(bytes, "42"),
        };
        let request = CreateReceiverDetailWithDataRequest {
            receiver_id: w.data_list,
            datas: vec![entry(w, 0, MAX_RECEIVER_DATA_BYTES), entry(w, 1, 120)],
        };
        w.ok(
            &request,
            ses.create_receiver_detail_with_data(&request).await,
        )?;
        let too_long = CreateReceiverDetailWithDataRequest {
            receiver_id: w.data_list,
            datas: vec![entry(w, 2, MAX_RECEIVER_DATA_BYTES + 1)],
        };
        let refused = ses.create_receiver_detail_with_data(&too_long).await;
        w.fails(
            &too_long,
            refused,
            "InvalidParameterValue.TemplateDataLenLimit",
        )
    })
}

pub(crate) fn list_receivers<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        // Uploads are asynchronous in the real service: wait until both lists are complete.
        let request = ListReceiversRequest {
            offset: 0,
            limit: 100,
            status: None,
            // Both lists of this emulator have it in their names.
            key_word: Some("名单".to_owned()),
        };
        for _ in 0..50 {
            let listed = w.ok(&request, ses.list_receivers(&request).await)?;
            let done = |id| {
                listed.data.iter().any(|r| {
                    r.receiver_id == id && r.receivers_status == ReceiverListStatus::Uploaded
                })
            };
            if done(w.plain_list) && done(w.data_list) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err("the recipient lists never reached status 3 (upload complete)".to_owned())
    })
}

pub(crate) fn list_receiver_details<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let uploaded = if w.method == HttpMethod::Get {
            DETAILS_IN_A_GET
        } else {
            MAX_DETAILS_PER_CALL
        };
        let request = ListReceiverDetailsRequest {
            receiver_id: w.plain_list,
            offset: 0,
            limit: 100,
            email: None,
            create_time_begin: None,
            create_time_end: None,
            status: None,
        };
        let page = w.ok(&request, ses.list_receiver_details(&request).await)?;
        check(
            page.total_count == uploaded as u64 && page.data.len() == 100,
            || {
                format!(
                    "expected 100 of {uploaded} addresses, got {} of {}",
                    page.data.len(),
                    page.total_count
                )
            },
        )?;
        let unicode = w.recipient("list", 0);
        let filtered = ListReceiverDetailsRequest {
            email: Some(unicode.clone()),
            ..request
        };
        let found = w.ok(&filtered, ses.list_receiver_details(&filtered).await)?;
        let emails: Vec<&str> = found.data.iter().map(|d| d.email.as_str()).collect();
        check(emails == [unicode.as_str()], || {
            format!("filtering by {unicode} found {emails:?}")
        })
    })
}

pub(crate) fn batch_send_email<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let task = |w: &World, receiver_id, task_type| BatchSendEmailRequest {
            from_email_address: w.sender.clone(),
            receiver_id,
            // 100 characters, the longest subject a batch task may have.
            subject: exactly(100, "批量通知", ""),
            task_type,
            reply_to_addresses: Some(w.recipient("reply", 1)),
            template: Some(template(w, "朋友")),
            simple: None,
            attachments: None,
            cycle_param: None,
            timed_param: None,
            unsubscribe: None,
            ad_location: None,
        };
        let now = task(w, w.data_list, TaskType::Immediate);
        let timed = BatchSendEmailRequest {
            timed_param: Some(TimedEmailParam {
                begin_time: tomorrow_noon(),
            }),
            ..task(w, w.plain_list, TaskType::Scheduled)
        };
        let cycle = BatchSendEmailRequest {
            cycle_param: Some(CycleEmailParam {
                begin_time: tomorrow_noon(),
                interval_time: 24,
                term_cycle: None,
            }),
            ..task(w, w.plain_list, TaskType::Recurring)
        };
        for request in [&now, &timed, &cycle] {
            let created = w.ok(request, ses.batch_send_email(request).await)?;
            w.tasks.push(created.task_id);
        }
        // The client's own check refuses a scheduled task without its time before sending (the
        // emulator's `MissingParameter.TimedParamNecessary` is tested on its own).
        let unscheduled = task(w, w.plain_list, TaskType::Scheduled);
        let refused = ses.batch_send_email(&unscheduled).await;
        w.refused_locally::<BatchSendEmailRequest>(refused)
    })
}

pub(crate) fn list_send_tasks<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let all = ListSendTasksRequest {
            offset: 0,
            limit: 100,
            status: None,
            receiver_id: None,
            task_type: None,
        };
        let listed = w.ok(&all, ses.list_send_tasks(&all).await)?;
        let missing: Vec<_> = w
            .tasks
            .iter()
            .filter(|id| !listed.data.iter().any(|t| t.task_id == **id))
            .collect();
        check(missing.is_empty(), || {
            format!("tasks {missing:?} are not listed: {listed:?}")
        })?;
        let one_list = ListSendTasksRequest {
            receiver_id: Some(w.data_list),
            ..all
        };
        let listed = w.ok(&one_list, ses.list_send_tasks(&one_list).await)?;
        let ids: Vec<u64> = listed.data.iter().map(|t| t.task_id).collect();
        check(ids == w.tasks[..1], || {
            format!("only the immediate task mails the data list: {ids:?}")
        })
    })
}

pub(crate) fn delete_address_unsubscribe_config<'a>(
    ses: &'a Client,
    w: &'a mut World,
) -> StepFuture<'a> {
    Box::pin(async move {
        let request = DeleteAddressUnsubscribeConfigRequest {
            address: Some(w.sender.clone()),
        };
        w.ok(
            &request,
            ses.delete_address_unsubscribe_config(&request).await,
        )
        .map(drop)
    })
}

pub(crate) fn delete_receiver<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        for receiver_id in [w.plain_list, w.data_list] {
            let request = DeleteReceiverRequest { receiver_id };
            w.ok(&request, ses.delete_receiver(&request).await)?;
        }
        let request = DeleteReceiverRequest {
            receiver_id: w.plain_list,
        };
        let gone = ses.delete_receiver(&request).await;
        w.fails(&request, gone, "OperationDenied.ReceiverNotExist")
    })
}

pub(crate) fn delete_email_template<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = DeleteEmailTemplateRequest {
            template_id: w.template_id,
        };
        w.ok(&request, ses.delete_email_template(&request).await)?;
        let request = GetEmailTemplateRequest {
            template_id: w.template_id,
        };
        let gone = ses.get_email_template(&request).await;
        w.fails(&request, gone, "InvalidParameterValue.TemplateNotExist")
    })
}

pub(crate) fn delete_email_address<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let domain = DeleteEmailIdentityRequest {
            email_identity: w.domain.clone(),
        };
        let refused = ses.delete_email_identity(&domain).await;
        w.fails(
            &domain,
            refused,
            "OperationDenied.SenderWithDomainIsNotEmpty",
        )?;
        let request = DeleteEmailAddressRequest {
            email_address: w.sender.clone(),
        };
        w.ok(&request, ses.delete_email_address(&request).await)?;
        let gone = ses.delete_email_address(&request).await;
        w.fails(&request, gone, "InvalidParameterValue.NoSuchSender")
    })
}

pub(crate) fn delete_email_identity<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = DeleteEmailIdentityRequest {
            email_identity: w.domain.clone(),
        };
        w.ok(&request, ses.delete_email_identity(&request).await)?;
        let request = GetEmailIdentityRequest {
            email_identity: w.domain.clone(),
        };
        let gone = ses.get_email_identity(&request).await;
        w.fails(&request, gone, "InvalidParameterValue.NotExistDomain")
    })
}
