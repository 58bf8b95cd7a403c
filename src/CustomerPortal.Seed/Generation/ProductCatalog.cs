namespace CustomerPortal.Seed.Generation;

// What a consumer-electronics wholesaler sells. Bogus' own commerce names ("Rustic Rubber Hat") do not
// fit, so names are built from these lines; Bogus picks colours in the profile's locale.
internal static class ProductCatalog
{
    public static IReadOnlyList<string> Brands { get; } =
        ["Contoso", "Fabrikam", "Litware", "Proseware", "Northwind", "Adatum", "Tailspin", "Wingtip"];

    public static IReadOnlyList<string> Series { get; } =
        ["Studio", "Pro", "Home", "Essential", "Elite", "Compact", "Signature", "Classic"];

    public static IReadOnlyList<ProductCategory> Categories { get; } =
    [
        new('A', "Audio", 18,
        [
            new("Stereo Amplifier", "ea", 150, 2000, ["2 x 50 W", "2 x 80 W", "2 x 120 W"]),
            new("AV Receiver", "ea", 250, 2000, ["5.1", "7.2", "9.2"]),
            new("Turntable", "ea", 120, 1500, ["Belt Drive", "Direct Drive"], ComesInColours: true),
            new("Headphones", "ea", 30, 600, ["Over-Ear", "On-Ear", "In-Ear"], ComesInColours: true),
            new("Wireless Microphone", "set", 80, 900, ["Handheld", "Headset", "Lavalier"]),
            new("DJ Mixer", "ea", 150, 1800, ["2-Channel", "4-Channel"]),
            new("Soundbar", "ea", 120, 1400, ["2.1", "3.1", "5.1.2"], ComesInColours: true),
            new("Network Streamer", "ea", 200, 1600, ["", "with DAC"]),
        ],
        ["Low-noise design for long listening sessions", "Bluetooth 5.3 and AirPlay 2", "Remote control included",
            "Balanced XLR and RCA inputs", "Two-year manufacturer warranty", "Firmware updates over the network"]),
        new('T', "Televisions and displays", 12,
        [
            new("LED TV", "ea", 250, 1500, ["32\"", "43\"", "50\"", "55\"", "65\""]),
            new("OLED TV", "ea", 800, 2000, ["48\"", "55\"", "65\"", "77\""]),
            new("QLED TV", "ea", 500, 2000, ["50\"", "55\"", "65\"", "75\"", "85\""]),
            new("Projector", "ea", 400, 2000, ["Full HD", "4K", "Short Throw"]),
            new("Projection Screen", "ea", 150, 900, ["100\"", "120\"", "135\""]),
            new("Commercial Display", "ea", 600, 2000, ["43\"", "55\"", "65\""]),
        ],
        ["HDR10 and Dolby Vision", "Three HDMI 2.1 ports", "Energy class F", "Low input lag game mode",
            "VESA mount compatible", "24/7 operation rated"]),
        new('C', "Cables", 20,
        [
            new("HDMI Cable", "ea", 6, 60, ["1 m", "2 m", "3 m", "5 m", "10 m"]),
            new("Speaker Cable", "m", 2, 12, ["2 x 1.5 mm²", "2 x 2.5 mm²", "4 x 2.5 mm²"]),
            new("Optical Audio Cable", "ea", 5, 40, ["1 m", "2 m", "5 m"]),
            new("Coaxial Cable", "m", 2, 8, ["RG6", "RG59"]),
            new("Ethernet Cable", "m", 2, 6, ["Cat6", "Cat6a", "Cat7"]),
            new("Power Cord", "ea", 4, 25, ["1.5 m", "3 m"]),
        ],
        ["Gold-plated connectors", "Oxygen-free copper", "Braided jacket", "Flame-retardant sheath", "Cut to length on order"]),
        new('M', "Mounts and stands", 15,
        [
            new("Fixed Wall Mount", "ea", 20, 150, ["32-55\"", "43-75\"", "55-90\""]),
            new("Tilting Wall Mount", "ea", 30, 200, ["32-55\"", "43-75\""]),
            new("Full-Motion Wall Mount", "ea", 60, 350, ["32-55\"", "43-75\"", "55-90\""]),
            new("Ceiling Mount", "ea", 60, 300, ["Projector", "Display"]),
            new("Floor Stand", "ea", 90, 450, ["Mobile", "Fixed"], ComesInColours: true),
            new("Speaker Bracket", "set", 15, 90, ["Wall", "Ceiling"], ComesInColours: true),
        ],
        ["Load tested to four times the rated weight", "Integrated cable management", "Tool-free tilt adjustment",
            "Mounting hardware included", "Powder-coated steel"]),
        new('S', "Speakers", 15,
        [
            new("Bookshelf Speakers", "set", 120, 1200, ["Passive", "Active"], ComesInColours: true),
            new("Floor-standing Speaker", "ea", 250, 2000, ["2-Way", "3-Way"], ComesInColours: true),
            new("Subwoofer", "ea", 150, 1500, ["8\"", "10\"", "12\""], ComesInColours: true),
            new("In-ceiling Speaker", "ea", 40, 400, ["6.5\"", "8\""]),
            new("Outdoor Speaker", "set", 90, 700, ["", "Weatherproof"], ComesInColours: true),
            new("Portable Bluetooth Speaker", "ea", 40, 350, ["", "Rugged"], ComesInColours: true),
        ],
        ["Magnetically shielded drivers", "Bi-wiring terminals", "Room correction built in", "Paintable grille",
            "IPX6 weather resistance"]),
        new('X', "Accessories", 20,
        [
            new("Universal Remote Control", "ea", 15, 180, ["", "with Hub"]),
            new("Screen Cleaning Fluid", "l", 6, 30, ["Alcohol-free"]),
            new("Cable Ties", "box", 4, 25, ["100 pcs", "500 pcs"]),
            new("AA Batteries", "box", 5, 30, ["24 pcs", "48 pcs"]),
            new("Velcro Cable Straps", "pcs", 2, 6, ["20 cm", "30 cm"], ComesInColours: true),
            new("Acoustic Foam Panel", "pcs", 8, 40, ["50 x 50 cm", "100 x 50 cm"], ComesInColours: true),
            new("Contact Cleaner", "l", 8, 45, ["Spray Refill"]),
            new("Cable Clips", "kg", 10, 60, ["Bulk"]),
        ],
        ["Sold to trade customers only", "Fits most brands", "Bulk packaging for installers", "Safe on coated surfaces"]),
    ];
}
