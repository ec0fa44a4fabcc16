//! Steps for the account's furniture: the sender domain, the sender address with its SMTP
//! password and unsubscribe setting, and the template.

use tencentcloud_ses::enums::{
    DkimOption, IdentityType, SwitchStatus, TemplateStatus, UnsubscribeLanguage,
};
use tencentcloud_ses::{
    Client, CreateAddressUnsubscribeConfigRequest, CreateEmailAddressRequest,
    CreateEmailIdentityRequest, CreateEmailTemplateRequest, GetEmailIdentityRequest,
    GetEmailTemplateRequest, ListAddressUnsubscribeConfigRequest, ListEmailAddressRequest,
    ListEmailIdentitiesRequest, ListEmailTemplatesRequest, Tag, TemplateContent,
    UpdateAddressUnsubscribeConfigRequest, UpdateEmailIdentityRequest,
    UpdateEmailSmtpPassWordRequest, UpdateEmailTemplateRequest,
};

use super::world::{StepFuture, UNICODE, World, check};

/// The display name of the sender, with every kind of Unicode the scenario uses.
pub(crate) fn sender_name() -> String {
    format!("发件人 {UNICODE}")
}

fn tags() -> Vec<Tag> {
    vec![Tag {
        tag_key: format!("部门 {UNICODE}"),
        tag_value: format!("邮件测试 {UNICODE}"),
    }]
}

/// The template body: `{{name}}` and `{{code}}` in HTML and text, around Unicode text.
pub(crate) fn template_content(greeting: &str) -> TemplateContent {
    TemplateContent::from_html_and_text(
        &format!("<p>{greeting} {{{{name}}}}，{UNICODE} {{{{code}}}}</p>"),
        &format!("{greeting} {{{{name}}}}, {UNICODE} {{{{code}}}}"),
    )
}

fn template_name(w: &World) -> String {
    format!("模板 {UNICODE} {}", w.tag)
}

pub(crate) fn create_email_identity<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = CreateEmailIdentityRequest {
            email_identity: w.domain.clone(),
            dkim_option: Some(DkimOption::Rsa2048),
            tag_list: Some(tags()),
        };
        let created = w.ok(&request, ses.create_email_identity(&request).await)?;
        check(created.identity_type == IdentityType::Domain, || {
            format!("{created:?}")
        })?;
        check(!created.attributes.is_empty(), || {
            "no DNS records to publish".to_owned()
        })?;
        check(
            created
                .attributes
                .iter()
                .all(|r| r.send_domain.ends_with(&w.domain)),
            || format!("{created:?}"),
        )
    })
}

pub(crate) fn update_email_identity<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = UpdateEmailIdentityRequest {
            email_identity: w.domain.clone(),
            new_api: Some(true),
            dkim_option: None,
        };
        let updated = w.ok(&request, ses.update_email_identity(&request).await)?;
        check(updated.verified_for_sending_status, || {
            format!("verification is automatic by default: {updated:?}")
        })
    })
}

pub(crate) fn get_email_identity<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = GetEmailIdentityRequest {
            email_identity: w.domain.clone(),
        };
        let got = w.ok(&request, ses.get_email_identity(&request).await)?;
        check(got.verified_for_sending_status, || format!("{got:?}"))?;
        check(got.tag_list.as_ref().is_none_or(|t| *t == tags()), || {
            format!("tags changed: {got:?}")
        })
    })
}

pub(crate) fn list_email_identities<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        // An empty tag filter is a filter that every domain passes.
        let request = ListEmailIdentitiesRequest {
            tag_list: Some(Vec::new()),
            limit: Some(20),
            offset: Some(0),
        };
        let listed = w.ok(&request, ses.list_email_identities(&request).await)?;
        check(
            listed
                .email_identities
                .iter()
                .any(|i| i.identity_name == w.domain),
            || format!("{listed:?}"),
        )
    })
}

pub(crate) fn create_email_address<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = CreateEmailAddressRequest {
            email_address: w.sender.clone(),
            email_sender_name: Some(sender_name()),
        };
        w.ok(&request, ses.create_email_address(&request).await)?;
        let again = ses.create_email_address(&request).await;
        w.fails(&request, again, "InvalidParameterValue.RepeatEmailAddress")
    })
}

pub(crate) fn list_email_address<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = ListEmailAddressRequest {};
        let listed = w.ok(&request, ses.list_email_address(&request).await)?;
        let mine = listed
            .email_senders
            .iter()
            .find(|s| s.email_address == w.sender);
        check(
            mine.is_some_and(|s| s.email_sender_name == sender_name()),
            || format!("{listed:?}"),
        )
    })
}

pub(crate) fn update_email_smtp_pass_word<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        // 20 characters, the longest password SES accepts.
        let request = UpdateEmailSmtpPassWordRequest {
            password: "Zx9Qw8Er7Ty6Ui5Op4As".into(),
            email_address: w.sender.clone(),
        };
        w.ok(&request, ses.update_email_smtp_pass_word(&request).await)?;
        let again = ses.update_email_smtp_pass_word(&request).await;
        w.fails(&request, again, "OperationDenied.RepeatPassWord")
    })
}

pub(crate) fn create_address_unsubscribe_config<'a>(
    ses: &'a Client,
    w: &'a mut World,
) -> StepFuture<'a> {
    Box::pin(async move {
        let request = CreateAddressUnsubscribeConfigRequest {
            address: w.sender.clone(),
            unsubscribe_config: UnsubscribeLanguage::English,
            status: SwitchStatus::On,
        };
        w.ok(
            &request,
            ses.create_address_unsubscribe_config(&request).await,
        )
        .map(drop)
    })
}

pub(crate) fn update_address_unsubscribe_config<'a>(
    ses: &'a Client,
    w: &'a mut World,
) -> StepFuture<'a> {
    Box::pin(async move {
        let request = UpdateAddressUnsubscribeConfigRequest {
            address: w.sender.clone(),
            unsubscribe_config: UnsubscribeLanguage::Japanese,
            status: SwitchStatus::Off,
        };
        w.ok(
            &request,
            ses.update_address_unsubscribe_config(&request).await,
        )
        .map(drop)
    })
}

pub(crate) fn list_address_unsubscribe_config<'a>(
    ses: &'a Client,
    w: &'a mut World,
) -> StepFuture<'a> {
    Box::pin(async move {
        // `Limit` is a string on the wire; 100 is its maximum.
        let request = ListAddressUnsubscribeConfigRequest {
            offset: Some(0),
            limit: Some("100".to_owned()),
        };
        let listed = w.ok(
            &request,
            ses.list_address_unsubscribe_config(&request).await,
        )?;
        let mine = listed
            .address_unsubscribe_config_list
            .iter()
            .flatten()
            .find(|c| c.address.as_deref() == Some(w.sender.as_str()));
        check(
            mine.is_some_and(|c| {
                c.unsubscribe_config == Some(UnsubscribeLanguage::Japanese)
                    && c.status == Some(SwitchStatus::Off)
            }),
            || format!("the updated setting is not listed: {listed:?}"),
        )
    })
}

pub(crate) fn create_email_template<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = CreateEmailTemplateRequest {
            template_name: template_name(w),
            template_content: template_content("你好"),
        };
        let created = w.ok(&request, ses.create_email_template(&request).await)?;
        w.template_id = created.template_id;
        check(created.template_id > 0, || format!("{created:?}"))
    })
}

pub(crate) fn update_email_template<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = UpdateEmailTemplateRequest {
            template_content: template_content("您好"),
            template_id: w.template_id,
            template_name: template_name(w) + " ✓",
        };
        w.ok(&request, ses.update_email_template(&request).await)
            .map(drop)
    })
}

pub(crate) fn get_email_template<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = GetEmailTemplateRequest {
            template_id: w.template_id,
        };
        let got = w.ok(&request, ses.get_email_template(&request).await)?;
        check(got.template_name == template_name(w) + " ✓", || {
            format!("name changed: {got:?}")
        })?;
        check(got.template_content == template_content("您好"), || {
            format!("content changed: {got:?}")
        })?;
        check(got.template_status == TemplateStatus::Approved, || {
            format!("approved at once by default: {got:?}")
        })
    })
}

pub(crate) fn list_email_templates<'a>(ses: &'a Client, w: &'a mut World) -> StepFuture<'a> {
    Box::pin(async move {
        let request = ListEmailTemplatesRequest {
            limit: 100,
            offset: 0,
        };
        let listed = w.ok(&request, ses.list_email_templates(&request).await)?;
        check(
            listed
                .templates_metadata
                .iter()
                .any(|t| t.template_id == w.template_id),
            || format!("{listed:?}"),
        )
    })
}
