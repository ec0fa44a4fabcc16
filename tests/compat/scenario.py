"""The life of an SES account, told through all 36 actions in an order that makes sense: a
domain, a sender, a template, mail, statistics, blocklists, recipient lists and batch tasks,
then everything is deleted again. Parameters follow the official examples (ses/examples.json),
with Unicode in the free-text fields; where the state makes a documented error the right
answer, that exact code is expected."""

import base64
import datetime
import json
import time


# Characters with a meaning in query strings and form bodies, or that encoders disagree on
# (`*`, `~`, space): they must arrive as they were sent, through every signing scheme.
QUERY_SYNTAX = "a+b=c&d %25 *~!'();/?#[]@$,:"


def b64(text):
    """Base64 of the UTF-8 bytes of `text`, as template bodies and attachments travel."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def days_from_today(days):
    """A `YYYY-MM-DD` date relative to today in UTC, the emulator's clock."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return (today + datetime.timedelta(days=days)).isoformat()


def tomorrow_at_noon():
    """A `YYYY-MM-DD HH:MM:SS` start time safely in the future, for timed and cycle tasks."""
    return days_from_today(1) + " 12:00:00"


def template_content(greeting):
    """A template body with the variables `{{name}}` and `{{code}}` in HTML and text."""
    return {
        "Html": b64(f"<p>{greeting} {{{{name}}}}，验证码 {{{{code}}}} 🎉</p>"),
        "Text": b64(f"{greeting} {{{{name}}}}, code {{{{code}}}}"),
    }


def template_data(name, code):
    """Template variables as SES wants them: a JSON object serialized into a string."""
    return json.dumps({"name": name, "code": code}, ensure_ascii=False)


def run(api, tag):
    """Drives every SES action once or more through `api`, with resources named after `tag`."""
    domain = f"{tag}.mail.example.com"
    sender = f"noreply@{domain}"
    recipient = f"user-{tag}@example.net"
    identities(api, domain)
    senders(api, sender)
    template_id = templates(api, tag)
    sending(api, domain, sender, recipient, template_id)
    custom_blocklist(api, sender, tag, template_id)
    hard_bounce_blocklist(api, recipient)
    lists = recipient_lists(api, tag)
    batch_tasks(api, sender, lists, template_id)
    cleanup(api, domain, sender, lists, template_id)


def identities(api, domain):
    tags = [{"TagKey": "部门", "TagValue": "邮件测试 ✉️"}]
    created = api.ok(
        "CreateEmailIdentity", {"EmailIdentity": domain, "DKIMOption": 1, "TagList": tags}
    )
    assert created["IdentityType"] == "DOMAIN"
    records = created.get("Attributes") or []
    assert records, "CreateEmailIdentity returned no DNS records to publish"
    assert all(r["SendDomain"].endswith(domain) for r in records), records
    # NewAPI is a boolean: through GET and the v1 form body the SDK sends it as `True`.
    updated = api.ok("UpdateEmailIdentity", {"EmailIdentity": domain, "NewAPI": True})
    assert updated["VerifiedForSendingStatus"] is True, updated
    got = api.ok("GetEmailIdentity", {"EmailIdentity": domain})
    assert got["VerifiedForSendingStatus"] is True, got
    assert got.get("TagList", tags) == tags, got
    listed = api.ok("ListEmailIdentities", {"Limit": 20, "Offset": 0})
    assert domain in [i["IdentityName"] for i in listed["EmailIdentities"]], listed


def senders(api, sender):
    api.ok("CreateEmailAddress", {"EmailAddress": sender, "EmailSenderName": "腾讯云 测试"})
    api.fails("CreateEmailAddress", {"EmailAddress": sender}, "InvalidParameterValue.RepeatEmailAddress")
    listed = api.ok("ListEmailAddress", {})
    names = {s["EmailAddress"]: s.get("EmailSenderName") for s in listed["EmailSenders"]}
    assert names.get(sender) == "腾讯云 测试", listed
    api.ok("UpdateEmailSmtpPassWord", {"EmailAddress": sender, "Password": "Zx9Qw8Er7Ty6"})
    api.ok(
        "CreateAddressUnsubscribeConfig", {"Address": sender, "UnsubscribeConfig": "2", "Status": 1}
    )
    api.ok(
        "UpdateAddressUnsubscribeConfig", {"Address": sender, "UnsubscribeConfig": "7", "Status": 0}
    )
    configs = api.ok("ListAddressUnsubscribeConfig", {"Offset": 0, "Limit": "100"})
    mine = [c for c in configs.get("AddressUnsubscribeConfigList") or [] if c["Address"] == sender]
    assert mine and mine[0]["UnsubscribeConfig"] == "7" and mine[0]["Status"] == 0, configs


def templates(api, tag):
    name = f"欢迎邮件-{tag}"
    created = api.ok(
        "CreateEmailTemplate", {"TemplateName": name, "TemplateContent": template_content("你好")}
    )
    template_id = created["TemplateID"]
    assert isinstance(template_id, int) and template_id > 0, created
    content = template_content("您好")
    api.ok(
        "UpdateEmailTemplate",
        {"TemplateID": template_id, "TemplateName": name + " ✓", "TemplateContent": content},
    )
    got = api.ok("GetEmailTemplate", {"TemplateID": template_id})
    assert got["TemplateName"] == name + " ✓", got
    assert got["TemplateContent"] == content, got
    assert got["TemplateStatus"] == 0, "templates are approved at once by default"
    listed = api.ok("ListEmailTemplates", {"Limit": 100, "Offset": 0})
    assert template_id in [t["TemplateID"] for t in listed["TemplatesMetadata"]], listed
    return template_id


def sending(api, domain, sender, recipient, template_id):
    sent = api.ok(
        "SendEmail",
        {
            "FromEmailAddress": f"腾讯云 <{sender}>",
            "ReplyToAddresses": "reply@example.net",
            "Destination": [recipient],
            "Cc": [f"cc-{recipient}"],
            "Template": {"TemplateID": template_id, "TemplateData": template_data("李雷 👋", "1234")},
            "Subject": "您的验证码 {{code}} 🎉 " + QUERY_SYNTAX,
            "Attachments": [{"FileName": "说明.txt", "Content": b64("附件内容 é\u0301")}],
            "TriggerType": 1,
        },
    )
    message_id = sent["MessageId"]
    assert message_id, sent
    # What the SDK encoded is what the emulator read: recipients, and the template rendered
    # with the variables into subject and bodies, Unicode intact; the attachment by name and size.
    stored = api.stored_message(message_id)
    assert stored["to"] == [recipient] and stored["cc"] == [f"cc-{recipient}"], stored
    assert stored["subject"] == "您的验证码 1234 🎉 " + QUERY_SYNTAX, stored["subject"]
    assert stored["html"] == "<p>您好 李雷 👋，验证码 1234 🎉</p>", stored["html"]
    assert stored["text"] == "您好 李雷 👋, code 1234", stored["text"]
    attached = [(a["file_name"], a["size"]) for a in stored["attachments"]]
    assert attached == [("说明.txt", len("附件内容 é\u0301".encode("utf-8")))], attached
    status = api.ok(
        "GetSendEmailStatus",
        {"RequestDate": days_from_today(0), "Offset": 0, "Limit": 10, "MessageId": message_id},
    )
    rows = status["EmailStatusList"]
    assert recipient in [r["ToEmailAddress"] for r in rows], status
    assert all(r["MessageId"] == message_id for r in rows), status
    report = api.ok(
        "GetStatisticsReport",
        {"StartDate": days_from_today(-1), "EndDate": days_from_today(0), "Domain": domain},
    )
    assert report["OverallVolume"]["RequestCount"] >= 1, report
    assert len(report["DailyVolumes"]) == 2, "one volume per day of the range"


def custom_blocklist(api, sender, tag, template_id):
    blocked = [f"blocked-{tag}@example.org", f"blocked2-{tag}@example.org"]
    api.ok("CreateCustomBlacklist", {"Emails": blocked, "ExpireDate": days_from_today(30)})
    api.fails(
        "SendEmail",
        {
            "FromEmailAddress": sender,
            "Destination": [blocked[0]],
            "Template": {"TemplateID": template_id, "TemplateData": template_data("x", "1")},
            "Subject": "blocked",
        },
        "FailedOperation.EmailAddrInBlacklist",
    )
    listed = api.ok(
        "ListCustomBlacklist", {"Offset": 0, "Limit": 100, "Status": 2, "Email": blocked[0]}
    )
    entries = [e for e in listed.get("Data") or [] if e["Email"] == blocked[0]]
    assert len(entries) == 1, listed
    renamed = f"renamed-{tag}@example.org"
    api.ok(
        "UpdateCustomBlackList",
        {"Id": entries[0]["Id"], "Email": renamed, "ExpireDate": days_from_today(60)},
    )
    api.ok("DeleteCustomBlackList", {"Emails": [renamed, blocked[1]]})
    left = api.ok("ListCustomBlacklist", {"Offset": 0, "Limit": 100, "Status": 2, "Email": renamed})
    assert not left.get("Data"), left


def hard_bounce_blocklist(api, recipient):
    api.ok(
        "ListBlackEmailAddress",
        {"StartDate": days_from_today(-30), "EndDate": days_from_today(0), "Limit": 10, "Offset": 0},
    )
    api.ok("DeleteBlackList", {"EmailAddressList": [recipient]})
    api.ok(
        "GetAbuseReport",
        {"StartTime": days_from_today(-7), "EndTime": days_from_today(0), "Offset": 0, "Limit": 10},
    )


def recipient_lists(api, tag):
    plain = api.ok("CreateReceiver", {"ReceiversName": f"客户名单-{tag}", "Desc": "普通收件人"})
    plain_id = plain["ReceiverId"]
    api.ok(
        "CreateReceiverDetail",
        {"ReceiverId": plain_id, "Emails": [f"a-{tag}@example.com", f"b-{tag}@example.com"]},
    )
    with_data = api.ok("CreateReceiver", {"ReceiversName": f"变量名单-{tag}", "Desc": "带变量的收件人"})
    data_id = with_data["ReceiverId"]
    api.ok(
        "CreateReceiverDetailWithData",
        {
            "ReceiverId": data_id,
            "Datas": [
                {"Email": f"c-{tag}@example.com", "TemplateData": template_data("韩梅梅", "42")},
                {"Email": f"d-{tag}@example.com", "TemplateData": template_data("Zoë 🌸", "7")},
            ],
        },
    )
    wait_until_uploaded(api, tag, {plain_id, data_id})
    details = api.ok("ListReceiverDetails", {"ReceiverId": plain_id, "Offset": 0, "Limit": 10})
    assert sorted(d["Email"] for d in details["Data"]) == [
        f"a-{tag}@example.com",
        f"b-{tag}@example.com",
    ], details
    return plain_id, data_id


def wait_until_uploaded(api, tag, ids):
    """Polls `ListReceivers` until both lists finished uploading (status 3); uploads are
    asynchronous in the real service."""
    deadline = time.monotonic() + 10
    while True:
        listed = api.ok("ListReceivers", {"Offset": 0, "Limit": 10, "KeyWord": tag})
        status = {r["ReceiverId"]: r["ReceiversStatus"] for r in listed["Data"]}
        assert ids <= set(status), listed
        if all(status[i] == 3 for i in ids) or time.monotonic() > deadline:
            assert all(status[i] == 3 for i in ids), listed
            return
        time.sleep(0.2)


def batch_tasks(api, sender, lists, template_id):
    plain_id, data_id = lists
    data = template_data("朋友", "0000")
    template = {"TemplateID": template_id, "TemplateData": data}
    base = {"FromEmailAddress": sender, "Subject": "批量通知 {{name}}", "Template": template}
    now = api.ok("BatchSendEmail", {**base, "ReceiverId": data_id, "TaskType": 1})
    timed = api.ok(
        "BatchSendEmail",
        {**base, "ReceiverId": plain_id, "TaskType": 2, "TimedParam": {"BeginTime": tomorrow_at_noon()}},
    )
    cycle = api.ok(
        "BatchSendEmail",
        {
            **base,
            "ReceiverId": plain_id,
            "TaskType": 3,
            "CycleParam": {"BeginTime": tomorrow_at_noon(), "IntervalTime": 24},
        },
    )
    api.fails(
        "BatchSendEmail",
        {**base, "ReceiverId": plain_id, "TaskType": 2},
        "MissingParameter.TimedParamNecessary",
    )
    tasks = api.ok("ListSendTasks", {"Offset": 0, "Limit": 100})
    ids = {t["TaskId"] for t in tasks["Data"]}
    assert {now["TaskId"], timed["TaskId"], cycle["TaskId"]} <= ids, tasks
    only_data = api.ok("ListSendTasks", {"Offset": 0, "Limit": 100, "ReceiverId": data_id})
    assert [t["TaskId"] for t in only_data["Data"]] == [now["TaskId"]], only_data


def cleanup(api, domain, sender, lists, template_id):
    api.fails(
        "DeleteEmailIdentity", {"EmailIdentity": domain}, "OperationDenied.SenderWithDomainIsNotEmpty"
    )
    api.ok("DeleteAddressUnsubscribeConfig", {"Address": sender})
    for receiver_id in lists:
        api.ok("DeleteReceiver", {"ReceiverId": receiver_id})
    api.fails("DeleteReceiver", {"ReceiverId": lists[0]}, "OperationDenied.ReceiverNotExist")
    api.ok("DeleteEmailTemplate", {"TemplateID": template_id})
    api.fails("GetEmailTemplate", {"TemplateID": template_id}, "InvalidParameterValue.TemplateNotExist")
    api.ok("DeleteEmailAddress", {"EmailAddress": sender})
    api.fails("DeleteEmailAddress", {"EmailAddress": sender}, "InvalidParameterValue.NoSuchSender")
    api.ok("DeleteEmailIdentity", {"EmailIdentity": domain})
    api.fails("GetEmailIdentity", {"EmailIdentity": domain}, "InvalidParameterValue.NotExistDomain")
