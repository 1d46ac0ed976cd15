import { describe, expect, it } from "vitest";
import { echoValues, formDataToObject } from "@/lib/actions/form-data";

function form(entries: [string, string | Blob][]): FormData {
  const fd = new FormData();
  for (const [key, value] of entries) fd.append(key, value);
  return fd;
}

describe("formDataToObject", () => {
  it("keeps single values as strings, empty ones included", () => {
    expect(
      formDataToObject(
        form([
          ["name", "Li Wei"],
          ["teamId", ""],
        ]),
      ),
    ).toEqual({ name: "Li Wei", teamId: "" });
  });

  it("turns repeated keys into arrays, in order", () => {
    const fd = form([
      ["tags", "a"],
      ["name", "x"],
      ["tags", "b"],
      ["tags", "c"],
      ["ids", "1"],
      ["ids", "2"],
    ]);
    expect(formDataToObject(fd)).toEqual({ tags: ["a", "b", "c"], name: "x", ids: ["1", "2"] });
  });

  it("drops the framework's $ACTION fields", () => {
    const fd = form([
      ["$ACTION_ID_abc123", ""],
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", "{}"],
      ["$ACTION_KEY", "k"],
      ["name", "Li Wei"],
      ["note", "$ACTION in a value is fine"],
    ]);
    expect(formDataToObject(fd)).toEqual({ name: "Li Wei", note: "$ACTION in a value is fine" });
  });

  it("drops files, keeping the text values beside them", () => {
    const fd = form([
      ["avatar", new File(["png"], "me.png", { type: "image/png" })],
      ["attachments", "note"],
      ["attachments", new Blob(["pdf"])],
      ["name", "Li Wei"],
    ]);
    expect(formDataToObject(fd)).toEqual({ attachments: "note", name: "Li Wei" });
  });

  it("returns an empty object for an empty form", () => {
    expect(formDataToObject(new FormData())).toEqual({});
  });
});

describe("echoValues", () => {
  it.each([
    "password",
    "Password",
    "newPassword",
    "confirmPassword",
    "currentPassword",
    "PASSWORD_AGAIN",
    "passwordHint",
  ])("removes %s (anything named like a password)", (key) => {
    expect(echoValues({ name: "Li Wei", [key]: "Keystone@2026" })).toEqual({ name: "Li Wei" });
  });

  it("keeps every other value, arrays included, and leaves the input alone", () => {
    const values = { name: "Li Wei", email: "li.wei@example.com", tags: ["a", "b"], note: "" };
    const copy = structuredClone(values);
    expect(echoValues(values)).toEqual({
      name: "Li Wei",
      email: "li.wei@example.com",
      tags: ["a", "b"],
      note: "",
    });
    expect(values).toEqual(copy);
  });

  it("removes a password typed into a real form", () => {
    const fd = form([
      ["$ACTION_ID_x", ""],
      ["email", "li.wei@example.com"],
      ["password", "Keystone@2026"],
    ]);
    expect(echoValues(formDataToObject(fd))).toEqual({ email: "li.wei@example.com" });
  });
});
