import { describe, expect, it } from "vitest";
import { subtreeIds } from "@/lib/domain/territory-tree";

const links = [
  { id: "east", parentId: null },
  { id: "js", parentId: "east" },
  { id: "sz", parentId: "js" },
  { id: "nj", parentId: "js" },
  { id: "gusu", parentId: "sz" },
  { id: "zj", parentId: "east" },
  { id: "hz", parentId: "zj" },
];

describe("subtreeIds", () => {
  it("covers a province's cities and their districts, root first", () => {
    expect(subtreeIds(links, "js")).toEqual(["js", "sz", "nj", "gusu"]);
  });
  it("covers the whole region from the top", () => {
    expect(subtreeIds(links, "east").sort()).toEqual(links.map((l) => l.id).sort());
  });
  it("gives a leaf alone", () => {
    expect(subtreeIds(links, "hz")).toEqual(["hz"]);
  });
  it("gives an unknown id alone (it then matches nothing rather than everything)", () => {
    expect(subtreeIds(links, "nowhere")).toEqual(["nowhere"]);
  });
  it("stops on a corrupt cycle instead of looping", () => {
    const cyclic = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    expect(subtreeIds(cyclic, "a")).toEqual(["a", "b"]);
  });
});
